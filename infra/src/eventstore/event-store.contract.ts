import { randomUUID } from 'node:crypto';
import { withTimeout } from '../wait';
import { type EventStore, type NewEvent, PartialDuplicateAppend, type StoredEvent, WrongExpectedVersion } from '@naxio/domain';

/**
 * What every event-store adapter promises. Each adapter's spec calls this with a factory; the same
 * assertions run against PostgreSQL, the in-memory twin and EventStoreDB.
 */
export function eventStoreContract(name: string, setup: () => Promise<{ store: EventStore; teardown(): Promise<void> }>) {
  describe(`event store contract: ${name}`, () => {
    let store: EventStore;
    let teardown: () => Promise<void>;
    beforeAll(async () => ({ store, teardown } = await setup()));
    afterAll(() => teardown());

    const streamId = () => `lead-contract-${randomUUID()}`;
    const event = (stream: string, n: number, eventId = randomUUID()): NewEvent => ({
      type: 'CallMissed',
      data: { n },
      metadata: { eventId, streamId: stream, tenantId: 'contract', occurredAt: new Date().toISOString(), correlationId: 'c', causationId: null },
    });
    /**
     * Every event of `streams` in global order, read page by page from the start. A global reader may
     * hold events back while any older transaction is still open (PostgreSQL's snapshot horizon is
     * server-wide), so this reads again until the `expected` count is there.
     */
    const readAllOf = async (streams: string[], expected: number) => {
      const deadline = Date.now() + 15000;
      for (;;) {
        const seen: StoredEvent[] = [];
        let after: string | undefined;
        for (let page = await store.readAll({ limit: 7 }); page.length > 0; page = await store.readAll({ after, limit: 7 })) {
          seen.push(...page);
          after = page.at(-1)!.position;
        }
        const ours = seen.filter((e) => streams.includes(e.metadata.streamId));
        if (ours.length >= expected || Date.now() > deadline) return ours;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };

    it('appends to a new stream and reads it back in order', async () => {
      const s = streamId();
      const result = await store.appendToStream(s, [event(s, 1), event(s, 2)], 'no_stream');
      expect(result.nextExpectedVersion).toBe(1);
      const read = await store.readStream(s);
      expect(read.version).toBe(1);
      expect(read.events.map((e) => [e.streamVersion, (e.data as { n: number }).n])).toEqual([[0, 1], [1, 2]]);
      expect(read.events[0]!.metadata.streamId).toBe(s);
    });

    it('reads a missing stream as empty at version -1', async () => {
      expect(await store.readStream(streamId())).toEqual({ version: -1, events: [] });
    });

    it('refuses an append at the wrong expected version, saying where the stream is', async () => {
      const s = streamId();
      await store.appendToStream(s, [event(s, 1)], 'no_stream');
      await expect(store.appendToStream(s, [event(s, 2)], 'no_stream')).rejects.toBeInstanceOf(WrongExpectedVersion);
      await expect(store.appendToStream(s, [event(s, 2)], 5)).rejects.toMatchObject({ actual: 0 });
      await store.appendToStream(s, [event(s, 2)], 0);
      await store.appendToStream(s, [event(s, 3)], 'any');
      expect((await store.readStream(s)).version).toBe(2);
    });

    it('lets exactly one of two writers at the same version win', async () => {
      const s = streamId();
      await store.appendToStream(s, [event(s, 0)], 'no_stream');
      const results = await Promise.allSettled([1, 2, 3, 4].map((n) => store.appendToStream(s, [event(s, n)], 0)));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof WrongExpectedVersion)).toHaveLength(3);
      expect((await store.readStream(s)).events).toHaveLength(2);
    });

    it('treats an append of already-stored event ids as a no-op, not a duplicate', async () => {
      const s = streamId();
      const batch = [event(s, 1), event(s, 2)];
      await store.appendToStream(s, batch, 'no_stream');
      const again = await store.appendToStream(s, batch, 'no_stream');
      expect(again.nextExpectedVersion).toBe(1);
      expect((await store.readStream(s)).events).toHaveLength(2);
      expect(await readAllOf([s], 2)).toHaveLength(2);
    });

    it('refuses an append that repeats only some stored ids', async () => {
      const s = streamId();
      const first = event(s, 1);
      await store.appendToStream(s, [first], 'no_stream');
      await expect(store.appendToStream(s, [first, event(s, 2)], 0)).rejects.toBeInstanceOf(PartialDuplicateAppend);
    });

    it('reads all streams in one global order, page by page, each event once', async () => {
      const [a, b] = [streamId(), streamId()];
      await store.appendToStream(a, [event(a, 1)], 'no_stream');
      await store.appendToStream(b, [event(b, 2), event(b, 3)], 'no_stream');
      await store.appendToStream(a, [event(a, 4)], 0);
      const all = await readAllOf([a, b], 4);
      expect(all.map((e) => (e.data as { n: number }).n)).toEqual([1, 2, 3, 4]);
      expect(new Set(all.map((e) => e.position)).size).toBe(4);
    });

    it('delivers to a subscriber what is appended before and after it subscribed, in order', async () => {
      const s = streamId();
      await store.appendToStream(s, [event(s, 1)], 'no_stream');
      const seen: number[] = [];
      let done: () => void = () => undefined;
      const finished = new Promise<void>((resolve) => (done = resolve));
      const subscription = store.subscribeToAll({ batchSize: 50 }, async (events) => {
        for (const e of events) if (e.metadata.streamId === s) seen.push((e.data as { n: number }).n);
        if (seen.length >= 3) done();
      });
      await store.appendToStream(s, [event(s, 2)], 0);
      await store.appendToStream(s, [event(s, 3)], 1);
      await withTimeout(finished, 10000, () => `subscriber saw only ${seen}`);
      await subscription.stop();
      expect(seen).toEqual([1, 2, 3]);
    });
  });
}
