import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@naxio/domain';
import { exampleEvents } from '@naxio/schemas';
import { freshDatabase, type TestDatabase } from '../../../test/support/postgres';
import { PostgresEventStore } from '../eventstore/postgres-event-store';
import { leadStreamId } from '../ids';
import { forgetLead } from './forget-lead';
import { ERASED } from './personal-fields';
import { PiiProtectingEventStore } from './pii-protecting-event-store';
import { PostgresLeadKeyStore } from './postgres-lead-key-store';

const tenantId = 'blue-river';

const call = (phone: string): NewEvent => ({
  type: 'CallMissed',
  data: { ...exampleEvents.CallMissed.data, callerPhone: phone },
  metadata: { eventId: randomUUID(), streamId: leadStreamId(tenantId, phone), tenantId, occurredAt: new Date().toISOString(), correlationId: 'c', causationId: null },
});

/** A lead_summary row as the projection writes it (the columns that matter here). */
async function summaryRow(db: TestDatabase, phone: string, summary: string | null, schema = 'public') {
  await db.pool.query(
    `INSERT INTO ${schema}.lead_summary (lead_id, tenant_id, caller_phone, summary, urgency, opened_at, last_activity_at, call_count, missed_at)
     VALUES ($1, $2, $3, $4, 'emergency', now(), now(), 2, now())`,
    [leadStreamId(tenantId, phone), tenantId, phone, summary],
  );
}

const summaryOf = async (db: TestDatabase, phone: string, schema = 'public') =>
  (
    await db.pool.query(`SELECT caller_phone, summary, urgency, call_count, status FROM ${schema}.lead_summary WHERE lead_id = $1`, [leadStreamId(tenantId, phone)])
  ).rows[0] as Record<string, unknown> | undefined;

describe('forgetLead', () => {
  let db: TestDatabase;
  let keys: PostgresLeadKeyStore;
  let raw: PostgresEventStore;
  let store: PiiProtectingEventStore;
  beforeAll(async () => {
    db = await freshDatabase('forget_lead');
    keys = new PostgresLeadKeyStore(db.pool);
    raw = new PostgresEventStore(db.pool);
    store = new PiiProtectingEventStore(raw, keys);
  });
  afterAll(() => db.close());

  it('deletes the key and erases the lead’s personal read-model values, keeping its row and figures', async () => {
    const [phone, other] = ['+13035550111', '+13035550122'];
    for (const p of [phone, other]) {
      await store.appendToStream(leadStreamId(tenantId, p), [call(p), call(p)], 'no_stream');
      await summaryRow(db, p, `Burst pipe at ${p}`);
    }
    const result = await forgetLead({ tenantId, phone }, { keys, store: raw, pool: db.pool });
    expect(result).toEqual({
      outcome: 'forgotten',
      leadId: leadStreamId(tenantId, phone),
      tenantId,
      events: 2,
      eventsStoredInClear: 0,
      readModels: [{ table: 'public.lead_summary', columns: ['caller_phone', 'summary'], rows: 1 }],
    });
    expect(await keys.existingKey(leadStreamId(tenantId, phone))).toBeNull();
    expect(await summaryOf(db, phone)).toEqual({ caller_phone: ERASED, summary: ERASED, urgency: 'emergency', call_count: 2, status: 'new' });
    expect(await summaryOf(db, other)).toMatchObject({ caller_phone: other, summary: `Burst pipe at ${other}` });
    expect((await store.readStream(leadStreamId(tenantId, other))).events[0]!.data).toMatchObject({ callerPhone: other });
  });

  it('scrubs again when repeated, including a read model being rebuilt in another schema; null stays null', async () => {
    const phone = '+13035550133';
    await store.appendToStream(leadStreamId(tenantId, phone), [call(phone)], 'no_stream');
    await forgetLead({ tenantId, phone }, { keys, store: raw, pool: db.pool });
    await db.pool.query('CREATE SCHEMA naxio_rebuild; CREATE TABLE naxio_rebuild.lead_summary (LIKE public.lead_summary INCLUDING ALL)');
    await summaryRow(db, phone, null, 'naxio_rebuild');
    try {
      const again = await forgetLead({ tenantId, phone }, { keys, store: raw, pool: db.pool });
      expect(again.outcome).toBe('already-forgotten');
      expect(again.readModels.map((m) => [m.table, m.rows])).toEqual([['naxio_rebuild.lead_summary', 1], ['public.lead_summary', 0]]);
      expect(await summaryOf(db, phone, 'naxio_rebuild')).toMatchObject({ caller_phone: ERASED, summary: null });
    } finally {
      await db.pool.query('DROP SCHEMA naxio_rebuild CASCADE');
    }
  });

  it('says so when the lead never existed, and changes nothing', async () => {
    const before = await db.pool.query('SELECT lead_id FROM lead_keys ORDER BY lead_id');
    const result = await forgetLead({ tenantId, phone: '+13035550199' }, { keys, store: raw, pool: db.pool });
    expect(result).toEqual({ outcome: 'unknown-lead', leadId: leadStreamId(tenantId, '+13035550199'), tenantId, events: 0, eventsStoredInClear: 0, readModels: [] });
    expect((await db.pool.query('SELECT lead_id FROM lead_keys ORDER BY lead_id')).rows).toEqual(before.rows);
  });

  it('counts events whose personal values were stored in clear, which no key can erase', async () => {
    const phone = '+13035550144';
    await raw.appendToStream(leadStreamId(tenantId, phone), [call(phone)], 'no_stream');
    await store.appendToStream(leadStreamId(tenantId, phone), [call(phone)], 0);
    const result = await forgetLead({ tenantId, phone }, { keys, store, pool: db.pool });
    expect(result).toMatchObject({ outcome: 'forgotten', events: 2, eventsStoredInClear: 1 });
  });

  it('works in a database whose read models are not migrated', async () => {
    const bare = await freshDatabase('forget_bare');
    try {
      await bare.pool.query('DROP TABLE lead_summary');
      const bareKeys = new PostgresLeadKeyStore(bare.pool);
      const phone = '+13035550155';
      await new PiiProtectingEventStore(new PostgresEventStore(bare.pool), bareKeys).appendToStream(leadStreamId(tenantId, phone), [call(phone)], 'no_stream');
      const result = await forgetLead({ tenantId, phone }, { keys: bareKeys, store: new PostgresEventStore(bare.pool), pool: bare.pool });
      expect(result).toMatchObject({ outcome: 'forgotten', events: 1, readModels: [] });
    } finally {
      await bare.close();
    }
  });
});
