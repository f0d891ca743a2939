import { saveTenants } from '@naxio/infra';
import { freshDatabase, type TestDatabase } from '../../../test/support/postgres';
import { peakComfort } from '../../../test/support/tenants';
import { LeadStory, storedInTimeOrder } from '../testing/lead-story';
import { projectEvents } from '../testing/project-events';
import { dailyFunnel, type FunnelStage } from './daily-funnel';

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase('daily_funnel');
  await saveTenants(db.pool, [peakComfort()]); // hvac, America/Chicago
});
afterAll(() => db.close());

let phone = 100;
const story = (start: string, tenantId = 'peak-comfort') => new LeadStory({ tenantId, callerPhone: `+1512556${String(++phone).padStart(4, '0')}`, start: new Date(start) });

const given = (...stories: LeadStory[]) => projectEvents(db.pool, [dailyFunnel], storedInTimeOrder(stories));

/** stage → leads for one tenant, trade and day. */
async function funnel(tenant: string, day: string, trade: string): Promise<Partial<Record<FunnelStage, number>>> {
  const { rows } = await db.pool.query<{ stage: FunnelStage; leads: number }>(
    `SELECT stage, leads FROM daily_funnel WHERE tenant_id = $1 AND day = $2 AND trade = $3 AND leads <> 0`,
    [tenant, day, trade],
  );
  return Object.fromEntries(rows.map((r) => [r.stage, r.leads]));
}

describe('daily_funnel', () => {
  it('counts each lead once per stage it reached, on the tenant-local day of its first call', async () => {
    // 02:00 UTC on the 3rd is still the 2nd in Chicago.
    const booked = story('2026-11-03T02:00:00Z').missed().texted().texted(60000, 'follow-up').replied().replied().qualified().booked().synced();
    const unanswered = story('2026-11-03T03:00:00Z').missed().texted().missed(5000);
    const escalated = story('2026-11-02T20:00:00Z').missed().texted().replied().qualified({ urgency: 'emergency' }).escalated();
    await given(booked, unanswered, escalated);
    expect(await funnel('peak-comfort', '2026-11-02', 'hvac')).toEqual({ missed: 3, texted: 3, replied: 2, qualified: 2, escalated: 1, booked: 1, synced: 1 });
    expect(await funnel('peak-comfort', '2026-11-03', 'hvac')).toEqual({});
  });

  it('an owner alert is not a text-back', async () => {
    await given(story('2026-11-05T15:00:00Z').missed().texted(1000, 'owner-alert'));
    expect(await funnel('peak-comfort', '2026-11-05', 'hvac')).toEqual({ missed: 1 });
  });

  it('moves a lead, with every stage it reached, to the trade its qualification names', async () => {
    const lead = story('2026-11-06T15:00:00Z').missed().texted().replied();
    const stays = story('2026-11-06T16:00:00Z').missed().texted().replied().qualified({ serviceType: 'unknown' });
    await given(stays);
    await projectEvents(db.pool, [dailyFunnel], storedInTimeOrder([lead]));
    expect(await funnel('peak-comfort', '2026-11-06', 'hvac')).toEqual({ missed: 2, texted: 2, replied: 2, qualified: 1 });

    const before = lead.events.length;
    lead.qualified({ serviceType: 'plumbing' }).booked();
    await projectEvents(db.pool, [dailyFunnel], storedInTimeOrder([lead]).slice(before));
    expect(await funnel('peak-comfort', '2026-11-06', 'hvac')).toEqual({ missed: 1, texted: 1, replied: 1, qualified: 1 });
    expect(await funnel('peak-comfort', '2026-11-06', 'plumbing')).toEqual({ missed: 1, texted: 1, replied: 1, qualified: 1, booked: 1 });
  });

  it('a lead that texted first joins the funnel, with its reply, on the day it calls', async () => {
    const lead = story('2026-11-07T15:00:00Z').replied(0).missed(86400000);
    await given(lead);
    expect(await funnel('peak-comfort', '2026-11-07', 'hvac')).toEqual({});
    expect(await funnel('peak-comfort', '2026-11-08', 'hvac')).toEqual({ missed: 1, replied: 1 });
  });

  it('uses UTC and an "unknown" trade for a tenant it has no configuration for', async () => {
    await given(story('2026-11-09T02:00:00Z', 'nobody').missed());
    expect(await funnel('nobody', '2026-11-09', 'unknown')).toEqual({ missed: 1 });
  });
});
