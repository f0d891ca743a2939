import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@naxio/domain';
import { freshDatabase, type TestDatabase } from '../../../test/support/postgres';
import { eventStoreContract } from './event-store.contract';
import { eventually } from '../wait';
import { PostgresEventStore } from './postgres-event-store';

eventStoreContract('PostgreSQL', async () => {
  const db = await freshDatabase('es_contract');
  return { store: new PostgresEventStore(db.pool), teardown: () => db.close() };
});

describe('PostgreSQL event store', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  beforeAll(async () => {
    db = await freshDatabase('es_pg');
    store = new PostgresEventStore(db.pool);
  });
  afterAll(() => db.close());

  const event = (streamId: string): NewEvent => ({
    type: 'CallMissed',
    data: {},
    metadata: { eventId: randomUUID(), streamId, tenantId: 't', occurredAt: new Date().toISOString(), correlationId: 'c', causationId: null },
  });

  it('never lets a global reader skip an event whose transaction commits late', async () => {
    const slowStream = `lead-slow-${randomUUID()}`;
    const fastStream = `lead-fast-${randomUUID()}`;
    const start = (await store.readAll({ limit: 10000 })).at(-1)?.position;

    // A writer takes its position first but commits last.
    const slow = await db.pool.connect();
    await slow.query('BEGIN');
    await slow.query(
      `INSERT INTO events (event_id, stream_id, stream_version, type, data, metadata) VALUES ($1, $2, 0, 'CallMissed', '{}', $3)`,
      [randomUUID(), slowStream, JSON.stringify({ streamId: slowStream })],
    );
    await store.appendToStream(fastStream, [event(fastStream)], 'no_stream');

    // While the slow transaction is open, the fast event is held back too: handing it out now would
    // move a reader's checkpoint past the slow event's place.
    expect(await store.readAll({ after: start, limit: 100 })).toEqual([]);

    await slow.query('COMMIT');
    slow.release();
    // Other transactions on the server may still hold the horizon back for a moment: wait for it.
    const read = await eventually(async () => {
      const events = await store.readAll({ after: start, limit: 100 });
      return events.length >= 2 ? events : undefined;
    }, 15000, 'both events to become readable');
    expect(read.map((e) => e.metadata.streamId)).toEqual([slowStream, fastStream]);
  });

  it('refuses to update, delete or truncate stored events', async () => {
    const s = `lead-${randomUUID()}`;
    await store.appendToStream(s, [event(s)], 'no_stream');
    await expect(db.pool.query(`UPDATE events SET data = '{"x":1}' WHERE stream_id = $1`, [s])).rejects.toThrow(/append-only/);
    await expect(db.pool.query('DELETE FROM events WHERE stream_id = $1', [s])).rejects.toThrow(/append-only/);
    await expect(db.pool.query('TRUNCATE events')).rejects.toThrow(/append-only/);
    expect((await store.readStream(s)).events).toHaveLength(1);
  });

  it('keeps one version sequence per stream under many concurrent writers', async () => {
    const s = `lead-${randomUUID()}`;
    await Promise.all(Array.from({ length: 20 }, () => store.appendToStream(s, [event(s)], 'any')));
    const read = await store.readStream(s);
    expect(read.events.map((e) => e.streamVersion)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('answers every append of a burst as if it were alone: winners, losers and repeats', async () => {
    // Sent at once, these share grouped transactions: each must still get its own, exact answer.
    const streams = Array.from({ length: 60 }, () => `lead-burst-${randomUUID()}`);
    // The repeats get a stream of their own: an 'any' append first would make a pair below lose too.
    const repeatStream = `lead-burst-${randomUUID()}`;
    const repeated = event(repeatStream);
    const appends = [
      ...streams.map((s) => ({ streamId: s, events: [event(s), event(s)], expected: 'no_stream' as const })),
      ...streams.slice(0, 20).map((s) => ({ streamId: s, events: [event(s)], expected: 'no_stream' as const })),
      { streamId: repeatStream, events: [repeated], expected: 'any' as const },
      { streamId: repeatStream, events: [repeated], expected: 'any' as const },
    ];
    const outcomes = await Promise.allSettled(appends.map((a) => store.appendToStream(a.streamId, a.events, a.expected)));
    const refused = outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason.constructor.name);
    // The first 20 streams had two 'no_stream' appends: whichever came second lost.
    expect(refused).toEqual(Array(20).fill('WrongExpectedVersion'));
    for (const s of [...streams, repeatStream]) {
      const read = await store.readStream(s);
      const won = appends.filter((a, i) => a.streamId === s && outcomes[i]!.status === 'fulfilled');
      // Exactly the events of the appends that were told they succeeded, each once, versions unbroken.
      const ids = [...new Set(won.flatMap((a) => a.events.map((e) => e.metadata.eventId)))];
      expect(read.events.map((e) => e.metadata.eventId).sort()).toEqual(ids.sort());
      expect(read.events.map((e) => e.streamVersion)).toEqual(Array.from({ length: read.events.length }, (_, i) => i));
    }
  });
});
