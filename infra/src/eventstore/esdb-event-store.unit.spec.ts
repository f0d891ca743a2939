import { randomUUID } from 'node:crypto';
import type { NewEvent, StoredEvent } from '@naxio/domain';
import { eventually } from '../wait';
import { EsdbClientImitation } from './esdb-client-imitation.test-support';
import { EsdbEventStore } from './esdb-event-store';
import { InvalidEventPosition } from './esdb-position';
import { UnreadableEsdbEvent } from './esdb-records';

// The adapter's own logic (id rule, version mapping, scanning $all, resubscribing) under the shared
// contract, over an imitation of the client. The real server runs in esdb-event-store.int.spec.ts.
import { eventStoreContract } from './event-store.contract';

eventStoreContract('EventStoreDB adapter over an imitation of its client (no server)', async () => {
  const store = new EsdbEventStore(new EsdbClientImitation().asClient(), { scanSize: 3 });
  return { store, teardown: () => store.close() };
});

const event = (streamId: string, n: number): NewEvent => ({
  type: 'CallMissed',
  data: { n },
  metadata: { eventId: randomUUID(), streamId, tenantId: 't', occurredAt: new Date().toISOString(), correlationId: 'c', causationId: null },
});
const foreign = (type: string) => ({ id: randomUUID(), contentType: 'application/json' as const, type, data: {}, metadata: { by: 'someone else' } });
const ns = (events: StoredEvent[]) => events.map((e) => (e.data as { n: number }).n);

describe('EventStoreDB adapter', () => {
  let client: EsdbClientImitation;
  let store: EsdbEventStore;
  beforeEach(() => {
    client = new EsdbClientImitation();
    store = new EsdbEventStore(client.asClient(), { scanSize: 2, retryMs: 5 });
  });
  afterEach(() => store.close());

  it('keeps our metadata, the stream version and the log position on every event', async () => {
    const s = `lead-t-${randomUUID()}`;
    const appended = event(s, 1);
    const result = await store.appendToStream(s, [appended], 'no_stream');
    const [read] = (await store.readStream(s)).events;
    expect(read).toMatchObject({ type: 'CallMissed', data: { n: 1 }, metadata: appended.metadata, streamVersion: 0, position: result.position });
    expect(read!.position).toMatch(/^\d+:\d+$/);
  });

  it('reads only our streams from $all, however many others lie between, and never the same event twice', async () => {
    const a = `lead-t-${randomUUID()}`;
    await store.appendToStream(a, [event(a, 1)], 'no_stream');
    for (let i = 0; i < 5; i++) await client.appendToStream(`$stats-${i}`, [foreign('$statsCollected')]);
    await client.appendToStream('order-42', [foreign('OrderPlaced')]);
    const b = `lead-t-${randomUUID()}`;
    await store.appendToStream(b, [event(b, 2), event(b, 3)], 'no_stream');
    const all = await store.readAll({ limit: 100 });
    expect(all.every((e) => e.metadata.streamId.startsWith('lead-'))).toBe(true);
    expect(ns(all)).toEqual([1, 2, 3]);
    const paged: StoredEvent[] = [];
    for (let page = await store.readAll({ limit: 1 }); page.length > 0; page = await store.readAll({ after: page.at(-1)!.position, limit: 1 })) paged.push(...page);
    expect(ns(paged)).toEqual([1, 2, 3]);
  });

  it('refuses a malformed position before asking the server', async () => {
    await expect(store.readAll({ after: '17', limit: 1 })).rejects.toBeInstanceOf(InvalidEventPosition);
    expect(() => store.subscribeToAll({ after: 'tx:1' }, async () => undefined)).toThrow(InvalidEventPosition);
  });

  it('subscribes again from the last handled position when the server drops the subscription', async () => {
    const s = `lead-t-${randomUUID()}`;
    const seen: number[] = [];
    const errors: unknown[] = [];
    const subscription = store.subscribeToAll({ onError: (e) => errors.push(e) }, async (events) => void seen.push(...ns(events)));
    await store.appendToStream(s, [event(s, 1), event(s, 2)], 'no_stream');
    await eventually(() => (seen.length === 2 ? true : undefined));
    client.dropSubscriptions(new Error('connection reset'));
    await store.appendToStream(s, [event(s, 3)], 1);
    await eventually(() => (seen.length === 3 ? true : undefined));
    await subscription.stop();
    expect(seen).toEqual([1, 2, 3]);
    expect(errors.map((e) => (e as Error).message)).toEqual(['connection reset']);
  });

  it('says which event it cannot read instead of skipping it', async () => {
    const s = `lead-t-${randomUUID()}`;
    await client.appendToStream(s, [foreign('Foreign')]);
    await expect(store.readStream(s)).rejects.toBeInstanceOf(UnreadableEsdbEvent);
  });

  it('answers a retry the server recognised by itself with the stream as it is', async () => {
    const s = `lead-t-${randomUUID()}`;
    const batch = [event(s, 1), event(s, 2)];
    // Both appends read the stream empty; the server writes the first and recognises the second.
    const results = await Promise.all([store.appendToStream(s, batch, 'no_stream'), store.appendToStream(s, batch, 'no_stream')]);
    expect(results.map((r) => r.nextExpectedVersion)).toEqual([1, 1]);
    expect(results[1]!.position).toBe(results[0]!.position);
    expect((await store.readStream(s)).events).toHaveLength(2);
  });
});
