import { randomUUID } from 'node:crypto';
import type { LeadEvent, NewEvent, StoredEvent } from '@naxio/domain';
import { exampleEvents } from '@naxio/schemas';
import { freshDatabase, type TestDatabase } from '../../../test/support/postgres';
import { verifyChains } from '../audit/verify-chains';
import { eventStoreContract } from '../eventstore/event-store.contract';
import { PostgresEventStore } from '../eventstore/postgres-event-store';
import { leadStreamId } from '../ids';
import { eventually } from '../wait';
import { forgetLead } from './forget-lead';
import { ERASED } from './personal-fields';
import { PiiProtectingEventStore } from './pii-protecting-event-store';
import { PostgresLeadKeyStore } from './postgres-lead-key-store';

eventStoreContract('PII-protecting PostgreSQL', async () => {
  const db = await freshDatabase('pii_contract');
  return { store: new PiiProtectingEventStore(new PostgresEventStore(db.pool), new PostgresLeadKeyStore(db.pool)), teardown: () => db.close() };
});

const tenantId = 'peak-comfort';
const callers = {
  ana: { phone: '+15125550177', text: 'AC died, 2 kids at home', address: '418 Juniper Lane, Austin', summary: 'No cooling, family with kids' },
  ben: { phone: '+15125550188', text: 'Water heater leaking', address: '9 Oak Ct, Austin', summary: 'Leaking water heater' },
};
type Caller = (typeof callers)[keyof typeof callers];

/** One lead's history with its personal values in every place the table names. */
function history(caller: Caller): NewEvent[] {
  const streamId = leadStreamId(tenantId, caller.phone);
  const e = exampleEvents;
  const events: LeadEvent[] = [
    { ...e.CallMissed, data: { ...e.CallMissed.data, callerPhone: caller.phone } },
    { ...e.TextSendAttempted, data: { ...e.TextSendAttempted.data, to: caller.phone, text: `Hi, sorry we missed you at ${caller.phone}` } },
    e.TextSent,
    { ...e.ReplyReceived, data: { ...e.ReplyReceived.data, callerPhone: caller.phone, text: caller.text } },
    { ...e.LeadQualified, data: { ...e.LeadQualified.data, summary: caller.summary } },
    { ...e.EmergencyEscalated, data: { ...e.EmergencyEscalated.data, summary: caller.summary, address: caller.address } },
    { ...e.CallbackBooked, data: { ...e.CallbackBooked.data, summary: caller.summary, address: caller.address } },
  ];
  return events.map((event) => ({
    ...event,
    metadata: { eventId: randomUUID(), streamId, tenantId, occurredAt: new Date().toISOString(), correlationId: 'c', causationId: null },
  }));
}

const clearValues = (caller: Caller) => [caller.phone, caller.phone.slice(2), caller.text, caller.address, caller.summary];
const shape = (e: StoredEvent) => ({ type: e.type, streamVersion: e.streamVersion, position: e.position, metadata: e.metadata, recordedAt: e.recordedAt });

describe('PII-protecting event store over PostgreSQL', () => {
  let db: TestDatabase;
  let store: PiiProtectingEventStore;
  let keys: PostgresLeadKeyStore;
  const written = { ana: history(callers.ana), ben: history(callers.ben) };
  const [ana, ben] = [written.ana[0]!.metadata.streamId, written.ben[0]!.metadata.streamId];
  const stored = async () => (await db.pool.query<{ event_id: string; data: unknown; hash: string }>('SELECT event_id, data, hash FROM events ORDER BY position')).rows;
  const total = written.ana.length + written.ben.length;
  // The global order holds back events while any transaction on the server is open: wait for all.
  const readAll = () =>
    eventually(async () => {
      const all = await store.readAll({ limit: 1000 });
      return all.length >= total ? all : undefined;
    }, 15000, `${total} events in the global order`);

  beforeAll(async () => {
    db = await freshDatabase('pii_store');
    keys = new PostgresLeadKeyStore(db.pool);
    store = new PiiProtectingEventStore(new PostgresEventStore(db.pool), keys);
    await store.appendToStream(ana, written.ana.slice(0, 3), 'no_stream');
    await store.appendToStream(ben, written.ben, 'no_stream');
    await store.appendToStream(ana, written.ana.slice(3), 2);
  });
  afterAll(() => db.close());

  it('stores no phone number, message, address or summary in clear', async () => {
    const rows = await db.pool.query<{ data: string }>('SELECT data::text AS data FROM events');
    expect(rows.rows).toHaveLength(total);
    const text = rows.rows.map((r) => r.data).join('\n');
    for (const value of [...clearValues(callers.ana), ...clearValues(callers.ben)]) expect(text).not.toContain(value);
    const { rows: reply } = await db.pool.query<{ phone: string }>(`SELECT data->>'callerPhone' AS phone FROM events WHERE type = 'ReplyReceived' AND stream_id = $1`, [ana]);
    expect(reply[0]!.phone).toMatch(/^pii:v1:[\w-]{11}:[\w-]+$/);
  });

  it('reads back what was written, per stream, in global order and by subscription', async () => {
    expect((await store.readStream(ana)).events.map((e) => e.data)).toEqual(written.ana.map((e) => e.data));
    const all = await readAll();
    expect(all.filter((e) => e.metadata.streamId === ben).map((e) => e.data)).toEqual(written.ben.map((e) => e.data));
    const seen: StoredEvent[] = [];
    const subscription = store.subscribeToAll({ batchSize: 3 }, async (batch) => void seen.push(...batch));
    await eventually(() => (seen.length >= all.length ? true : undefined), 10000, 'the subscription to catch up');
    await subscription.stop();
    expect(seen.map((e) => e.data)).toEqual(all.map((e) => e.data));
  });

  it('after a forget reads the lead’s personal fields as erased, with every event, version and hash still there', async () => {
    const [beforeRows, beforeAll, beforeAna] = [await stored(), await readAll(), await store.readStream(ana)];
    const result = await forgetLead({ tenantId, phone: callers.ana.phone }, { keys, store: new PostgresEventStore(db.pool) });
    expect(result).toMatchObject({ outcome: 'forgotten', leadId: ana, events: written.ana.length, eventsStoredInClear: 0 });

    expect(await stored()).toEqual(beforeRows);
    const after = await store.readStream(ana);
    expect(after.version).toBe(beforeAna.version);
    expect(after.events.map(shape)).toEqual(beforeAna.events.map(shape));
    expect(after.events.map((e) => [e.type, e.data])).toEqual([
      ['CallMissed', { ...written.ana[0]!.data as object, callerPhone: ERASED }],
      ['TextSendAttempted', { ...written.ana[1]!.data as object, to: ERASED, text: ERASED }],
      ['TextSent', written.ana[2]!.data],
      ['ReplyReceived', { ...written.ana[3]!.data as object, callerPhone: ERASED, text: ERASED }],
      ['LeadQualified', { ...written.ana[4]!.data as object, summary: ERASED }],
      ['EmergencyEscalated', { ...written.ana[5]!.data as object, summary: ERASED, address: ERASED }],
      ['CallbackBooked', { ...written.ana[6]!.data as object, summary: ERASED, address: ERASED }],
    ]);

    const afterAll = await readAll();
    expect(afterAll.map(shape)).toEqual(beforeAll.map(shape));
    expect(JSON.stringify(afterAll.filter((e) => e.metadata.streamId === ana))).not.toMatch(/5550177|Juniper|kids/);
    expect(await verifyChains(db.pool)).toEqual({ streams: 2, events: total, breaks: [] });
  });

  it('leaves every other lead readable', async () => {
    expect((await store.readStream(ben)).events.map((e) => e.data)).toEqual(written.ben.map((e) => e.data));
    expect(await keys.existingKey(ben)).not.toBeNull();
  });
});
