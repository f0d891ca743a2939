import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@naxio/domain';
import { freshDatabase, type TestDatabase } from '../../../test/support/postgres';
import { PostgresEventStore } from '../eventstore/postgres-event-store';
import { verifyChains } from './verify-chains';

let db: TestDatabase;
let store: PostgresEventStore;
beforeAll(async () => {
  db = await freshDatabase('audit');
  store = new PostgresEventStore(db.pool);
});
afterAll(() => db.close());

const event = (streamId: string, n: number): NewEvent => ({
  type: 'ReplyReceived',
  data: { text: `message ${n}`, nested: { b: 1, a: [n, { z: true, y: null }] } },
  metadata: { eventId: randomUUID(), streamId, tenantId: 't', occurredAt: new Date().toISOString(), correlationId: 'c', causationId: null },
});

/** The database owner can switch the trigger off; the chain is what still gives the edit away. */
async function asOwner(sql: string, params: unknown[]) {
  await db.pool.query('ALTER TABLE events DISABLE TRIGGER events_no_update_or_delete');
  try {
    await db.pool.query(sql, params);
  } finally {
    await db.pool.query('ALTER TABLE events ENABLE TRIGGER events_no_update_or_delete');
  }
}

describe('audit verify', () => {
  const [a, b] = [`lead-a-${randomUUID()}`, `lead-b-${randomUUID()}`];

  beforeAll(async () => {
    await store.appendToStream(a, [event(a, 1), event(a, 2)], 'no_stream');
    await store.appendToStream(a, [event(a, 3)], 1);
    await store.appendToStream(b, [event(b, 1), event(b, 2), event(b, 3)], 'no_stream');
  });

  it('finds every chain intact after ordinary appends', async () => {
    expect(await verifyChains(db.pool)).toEqual({ streams: 2, events: 6, breaks: [] });
  });

  it('names the event that was edited behind the trigger’s back', async () => {
    await asOwner(`UPDATE events SET data = jsonb_set(data, '{text}', '"I never said that"') WHERE stream_id = $1 AND stream_version = 1`, [a]);
    const report = await verifyChains(db.pool);
    expect(report.breaks).toEqual([{ streamId: a, streamVersion: 1, problem: expect.stringMatching(/changed after it was stored/) }]);
  });

  it('notices an event that was removed', async () => {
    await asOwner('DELETE FROM events WHERE stream_id = $1 AND stream_version = 1', [b]);
    const breaks = (await verifyChains(db.pool)).breaks.filter((x) => x.streamId === b);
    expect(breaks).toEqual([
      { streamId: b, streamVersion: 2, problem: 'version 1 is missing' },
      { streamId: b, streamVersion: 2, problem: 'does not link to the event before it' },
    ]);
  });
});
