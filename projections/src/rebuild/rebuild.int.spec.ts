import type { Pool } from 'pg';
import type { EventStore } from '@naxio/domain';
import { ERASED, eventually, PiiProtectingEventStore, PostgresEventStore, PostgresLeadKeyStore, saveTenants } from '@naxio/infra';
import { freshDatabase, type TestDatabase } from '../../../test/support/postgres';
import { peakComfort } from '../../../test/support/tenants';
import { allProjections } from '../registry';
import type { LeadStory } from '../testing/lead-story';
import { mixedLeads } from '../testing/mixed-leads';
import { projectEvents, tableRows } from '../testing/project-events';
import { postgresHistory } from './postgres-history';
import { rebuildProjections } from './rebuild';

let db: TestDatabase;
let store: EventStore;
let keys: PostgresLeadKeyStore;

beforeAll(async () => {
  db = await freshDatabase('rebuild');
  await saveTenants(db.pool, [peakComfort(), peakComfort({ id: 'blue-river', trade: 'plumbing', timezone: 'America/Denver', phoneNumbers: ['+13035550100'] })]);
  keys = new PostgresLeadKeyStore(db.pool);
  // The same key store seals and forgets: no process keeps a key the forget has deleted.
  store = new PiiProtectingEventStore(new PostgresEventStore(db.pool), keys);
});
afterAll(() => db.close());

let appended = 0;

/** Appends each event on its own, in the order they happened, so leads interleave in the global order. */
async function append(leads: LeadStory[], from = 0): Promise<void> {
  const events = leads.flatMap((l) => l.events.slice(from)).sort((a, b) => a.metadata.occurredAt.localeCompare(b.metadata.occurredAt));
  for (const event of events) await store.appendToStream(event.metadata.streamId, [event], 'any');
  appended += events.length;
  // The global order shows only events below the oldest transaction running anywhere on the server.
  await eventually(async () => ((await store.readAll({ limit: 100000 })).length >= appended ? true : undefined), 30000, 'the store to show every event');
}

const readModels = async (pool: Pool) => ({
  lead_summary: await tableRows(pool, 'lead_summary', 'lead_id'),
  daily_funnel: await tableRows(pool, 'daily_funnel', 'tenant_id, day, trade, stage'),
  daily_funnel_leads: await tableRows(pool, 'daily_funnel_leads', 'lead_id'),
  text_back_latency: await tableRows(pool, 'text_back_latency', 'lead_id'),
});

describe('a rebuild, page by page', () => {
  const leads = mixedLeads(45, new Date('2026-11-03T04:30:00Z'));
  const forgotten = leads[4]!;
  const returning = leads[7]!;

  it('builds exactly the tables that applying each event on its own builds', async () => {
    await append(leads);
    // Two leads ask to be forgotten; one of them calls again, under a new key.
    await keys.forget(forgotten.streamId);
    await keys.forget(returning.streamId);
    const before = returning.events.length;
    returning.missed(86400000).replied();
    await append([returning], before);

    const history = await store.readAll({ limit: 100000 });
    expect(history.length).toBeGreaterThan(100); // positions of one, two and three digits
    await projectEvents(db.pool, allProjections, history);
    const oneByOne = await readModels(db.pool);
    const summary = (lead: LeadStory) => oneByOne.lead_summary.find((r) => r.lead_id === lead.streamId);
    expect(summary(forgotten)).toMatchObject({ caller_phone: ERASED, summary: ERASED });
    expect(summary(returning)!.caller_phone).toBe('+15125580007');
    expect(oneByOne.daily_funnel.length).toBeGreaterThan(20);

    // Pages that split leads (most leads have rows from earlier pages) and one page for everything.
    for (const pageSize of [7, 100, 10000]) {
      await rebuildProjections({ pool: db.pool, store: postgresHistory(db.pool), keys, projections: allProjections, pageSize });
      expect({ pageSize, ...(await readModels(db.pool)) }).toEqual({ pageSize, ...oneByOne });
    }
    // Any event store will do, opened as it reads.
    await rebuildProjections({ pool: db.pool, store, projections: allProjections, pageSize: 50 });
    expect(await readModels(db.pool)).toEqual(oneByOne);
  });
});
