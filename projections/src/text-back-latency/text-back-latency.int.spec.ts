import { saveTenants } from '@naxio/infra';
import { freshDatabase, type TestDatabase } from '../../../test/support/postgres';
import { peakComfort } from '../../../test/support/tenants';
import { LeadStory, storedInTimeOrder } from '../testing/lead-story';
import { projectEvents } from '../testing/project-events';
import { textBackLatency } from './text-back-latency';

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase('text_back_latency');
  await saveTenants(db.pool, [peakComfort()]);
});
afterAll(() => db.close());

let phone = 100;
const story = (start = '2026-11-10T15:00:00Z') => new LeadStory({ tenantId: 'peak-comfort', callerPhone: `+1512557${String(++phone).padStart(4, '0')}`, start: new Date(start) });

async function row(lead: LeadStory) {
  const { rows } = await db.pool.query('SELECT day::text, missed_at, texted_at, latency_ms FROM text_back_latency WHERE lead_id = $1', [lead.streamId]);
  return rows[0];
}

describe('text_back_latency', () => {
  it('measures from the missed call reaching us to the opening text being recorded as sent', async () => {
    const lead = story('2026-11-10T03:00:00Z').missed().texted(2300).missed(10000).texted(5000, 'follow-up');
    const stored = storedInTimeOrder([lead], 7);
    await projectEvents(db.pool, [textBackLatency], stored);
    const missed = stored.find((e) => e.type === 'CallMissed')!;
    const sent = stored.find((e) => e.type === 'TextSent')!;
    expect(await row(lead)).toEqual({
      day: '2026-11-09', // Chicago
      missed_at: new Date(missed.metadata.occurredAt),
      texted_at: new Date(sent.recordedAt),
      latency_ms: Date.parse(sent.recordedAt) - Date.parse(missed.metadata.occurredAt),
    });
  });

  it('keeps a lead whose opening text never went out, with no latency', async () => {
    const lead = story().missed().texted(1000, 'owner-alert');
    await projectEvents(db.pool, [textBackLatency], storedInTimeOrder([lead]));
    expect(await row(lead)).toMatchObject({ texted_at: null, latency_ms: null });
  });

  it('has no row for a lead that never called', async () => {
    const lead = story().replied(0).texted(1000, 'conversation');
    await projectEvents(db.pool, [textBackLatency], storedInTimeOrder([lead]));
    expect(await row(lead)).toBeUndefined();
  });
});
