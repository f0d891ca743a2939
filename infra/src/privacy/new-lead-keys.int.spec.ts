import { randomUUID } from 'node:crypto';
import { WrongExpectedVersion, type NewEvent } from '@naxio/domain';
import { exampleEvents } from '@naxio/schemas';
import { freshDatabase, type TestDatabase } from '../../../test/support/postgres';
import { PostgresEventStore } from '../eventstore/postgres-event-store';
import { CachedLeadKeyStore } from './cached-lead-key-store';
import { PiiProtectingEventStore } from './pii-protecting-event-store';
import { PostgresLeadKeyStore } from './postgres-lead-key-store';

// A new lead's key travels with its first events: one commit for both, and every way the lead can
// turn out not to be new leaves its events sealed with the one key the lead keeps.
const tenantId = 'peak-comfort';
const missedCall = (streamId: string, callerPhone: string): NewEvent => ({
  ...exampleEvents.CallMissed,
  data: { ...exampleEvents.CallMissed.data, callerPhone },
  metadata: { eventId: randomUUID(), streamId, tenantId, occurredAt: new Date().toISOString(), correlationId: 'c', causationId: null },
});
const newLead = () => {
  const phone = `+1512555${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}`;
  const streamId = `lead-${tenantId}-${randomUUID()}`;
  return { streamId, phone, event: () => missedCall(streamId, phone) };
};

describe('a new lead’s key, stored with its first events', () => {
  let db: TestDatabase;
  let keys: PostgresLeadKeyStore;
  let store: PiiProtectingEventStore;
  const keyOf = async (streamId: string) => (await db.pool.query<{ key: Buffer }>('SELECT key FROM lead_keys WHERE lead_id = $1', [streamId])).rows.map((r) => r.key);
  const phoneRead = async (s: PiiProtectingEventStore, streamId: string) => (await s.readStream(streamId)).events.map((e) => (e.data as { callerPhone: string }).callerPhone);

  beforeAll(async () => {
    db = await freshDatabase('new_lead_keys');
    keys = new PostgresLeadKeyStore(db.pool);
    store = new PiiProtectingEventStore(new PostgresEventStore(db.pool), keys);
  });
  afterAll(() => db.close());

  it('commits a burst of new leads’ keys in the very transactions that store their first events', async () => {
    const leads = Array.from({ length: 120 }, newLead);
    const cache = new CachedLeadKeyStore(keys);
    const cached = new PiiProtectingEventStore(new PostgresEventStore(db.pool), cache);
    await Promise.all(leads.map((lead) => cached.appendToStream(lead.streamId, [lead.event()], 'no_stream')));
    const { rows } = await db.pool.query<{ lead_id: string; same: boolean }>(
      `SELECT k.lead_id, (e.transaction_id::text::numeric % 4294967296) = k.xmin::text::numeric AS same
         FROM lead_keys k JOIN events e ON e.stream_id = k.lead_id WHERE k.lead_id = ANY($1)`,
      [leads.map((l) => l.streamId)],
    );
    expect(rows).toHaveLength(120);
    expect(rows.filter((r) => !r.same)).toEqual([]);
    // The process that opened them keeps their keys: reading them back asks the database for none.
    expect(cache.size).toBe(120);
    for (const lead of leads.slice(0, 5)) expect(await phoneRead(cached, lead.streamId)).toEqual([lead.phone]);
  });

  it('seals with the key a lead already has, when one was made before its stream (an attempt that never appended)', async () => {
    const lead = newLead();
    const earlier = await keys.keyFor(lead.streamId, tenantId);
    await store.appendToStream(lead.streamId, [lead.event()], 'no_stream');
    expect(await keyOf(lead.streamId)).toEqual([earlier]);
    expect(await phoneRead(store, lead.streamId)).toEqual([lead.phone]);
  });

  it('refuses a returning caller’s “first” events as before, leaving the lead’s key as it was', async () => {
    const lead = newLead();
    await store.appendToStream(lead.streamId, [lead.event()], 'no_stream');
    const [key] = await keyOf(lead.streamId);
    await expect(store.appendToStream(lead.streamId, [lead.event()], 'no_stream')).rejects.toBeInstanceOf(WrongExpectedVersion);
    expect(await keyOf(lead.streamId)).toEqual([key]);
    expect(await phoneRead(store, lead.streamId)).toEqual([lead.phone]);
  });

  it('lets one of two processes opening the same lead at once win, with one key for the lead', async () => {
    const other = new PiiProtectingEventStore(new PostgresEventStore(db.pool), new PostgresLeadKeyStore(db.pool));
    for (let round = 0; round < 10; round += 1) {
      const lead = newLead();
      const outcomes = await Promise.allSettled([store, other].map((s) => s.appendToStream(lead.streamId, [lead.event()], 'no_stream')));
      expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect((outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersion);
      expect(await keyOf(lead.streamId)).toHaveLength(1);
      expect(await phoneRead(other, lead.streamId)).toEqual([lead.phone]);
    }
  });

  it('opens with its own key a lead whose key a first use elsewhere made while its events were on the way', async () => {
    // Key creation (another process's first use) and the keyed append race for the same lead.
    for (let round = 0; round < 10; round += 1) {
      const lead = newLead();
      const [, appended] = await Promise.all([keys.keyFor(lead.streamId, tenantId), store.appendToStream(lead.streamId, [lead.event()], 'no_stream')]);
      expect(appended.nextExpectedVersion).toBe(0);
      expect(await keyOf(lead.streamId)).toHaveLength(1);
      expect(await phoneRead(store, lead.streamId)).toEqual([lead.phone]);
    }
  });
});
