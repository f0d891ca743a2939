import { PassThrough } from 'node:stream';
import {
  ANY,
  type AppendExpectedRevision,
  type EventData,
  type EventStoreDBClient,
  NO_STREAM,
  type Position,
  type ReadPosition,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import type { EsdbRecord } from './esdb-records';

/**
 * An in-process imitation of the parts of `@eventstore/db-client` the adapter uses, following the
 * documented server behaviour it relies on. It lets the adapter's own logic run under the shared
 * contract here; it proves nothing about a real server (esdb-event-store.int.spec.ts does that).
 * - reads of a missing stream fail with StreamNotFoundError; $all holds system and foreign streams;
 * - a read of $all from a position includes the event at that position, a subscription does not;
 * - a conflicting append fails with WrongExpectedVersionError carrying the current revision;
 * - an append repeating, at the same expected revision, ids written there already is accepted and
 *   writes nothing (reported without a log position); any other repeat is written again.
 */
type Live = { stream: PassThrough; prefixes: string[] };

export class EsdbClientImitation {
  private readonly log: EsdbRecord[] = [];
  private readonly live = new Set<Live>();
  private nextPosition = 1000n;

  constructor() {
    this.record('$settings', '$settings', {});
    this.record('order-42', 'OrderPlaced', {});
  }

  asClient(): EventStoreDBClient {
    return this as unknown as EventStoreDBClient;
  }

  readStream(streamName: string) {
    const events = this.log.filter((r) => r.streamId === streamName);
    return this.streamOf(events.map((event) => ({ event })), events.length === 0 ? new StreamNotFoundError(undefined, streamName) : undefined);
  }

  readAll({ fromPosition = START, maxCount = Number.MAX_SAFE_INTEGER }: { fromPosition?: ReadPosition; maxCount?: number | bigint } = {}) {
    const from = fromPosition === START ? -1n : fromPosition === 'end' ? this.nextPosition : fromPosition.commit - 1n;
    const events = this.log.filter((r) => r.position!.commit > from).slice(0, Number(maxCount));
    return this.streamOf(events.map((event) => ({ event, commitPosition: event.position!.commit })));
  }

  subscribeToAll({ fromPosition = START, filter }: { fromPosition?: ReadPosition; filter?: { prefixes?: string[] } } = {}) {
    const subscription: Live = { stream: new PassThrough({ objectMode: true }), prefixes: filter?.prefixes ?? [''] };
    const after = fromPosition === START ? -1n : fromPosition === 'end' ? this.nextPosition : fromPosition.commit;
    for (const record of this.log) if (record.position!.commit > after) this.deliver(subscription, record);
    this.live.add(subscription);
    return Object.assign(subscription.stream, {
      unsubscribe: async () => {
        this.live.delete(subscription);
        subscription.stream.end();
      },
    });
  }

  async appendToStream(streamName: string, events: EventData[], { expectedRevision = ANY }: { expectedRevision?: AppendExpectedRevision } = {}) {
    await Promise.resolve(); // let concurrent appends interleave, as they would over the network
    const stream = this.log.filter((r) => r.streamId === streamName);
    const current = stream.at(-1)?.revision;
    const base = expectedRevision === NO_STREAM ? -1n : typeof expectedRevision === 'bigint' ? expectedRevision : undefined;
    const retried = this.isRetry(stream, events, base);
    if (retried) return { success: true, nextExpectedRevision: retried, position: undefined };
    const expectedOk = expectedRevision === ANY || (expectedRevision === 'stream_exists' ? current !== undefined : (current ?? -1n) === base);
    if (!expectedOk) throw new WrongExpectedVersionError(undefined, { streamName, expected: expectedRevision, current: current ?? NO_STREAM });
    let last: EsdbRecord | undefined;
    for (const e of events) last = this.record(streamName, e.type, e.data, e.metadata, e.id);
    return { success: true, nextExpectedRevision: last!.revision, position: last!.position };
  }

  /** Ends every live subscription with `error`, as a dropped connection would. */
  dropSubscriptions(error: Error): void {
    for (const subscription of this.live) subscription.stream.destroy(error);
    this.live.clear();
  }

  async dispose(): Promise<void> {
    for (const subscription of this.live) subscription.stream.end();
    this.live.clear();
  }

  private isRetry(stream: EsdbRecord[], events: EventData[], base: bigint | undefined): bigint | undefined {
    const start = base === undefined ? stream.findIndex((r) => r.id === events[0]?.id) : Number(base + 1n);
    if (start < 0 || start + events.length > stream.length) return undefined;
    const matches = events.every((e, i) => stream[start + i]!.id === e.id);
    return matches ? BigInt(start + events.length - 1) : undefined;
  }

  private record(streamId: string, type: string, data: unknown, metadata?: unknown, id = `00000000-0000-4000-8000-${this.nextPosition.toString().padStart(12, '0')}`): EsdbRecord {
    const revision = BigInt(this.log.filter((r) => r.streamId === streamId).length);
    const position: Position = { commit: this.nextPosition, prepare: this.nextPosition };
    this.nextPosition += 137n;
    const record: EsdbRecord = {
      streamId,
      id,
      revision,
      type,
      isJson: true,
      // The client hands back parsed JSON, never the caller's own objects.
      data: JSON.parse(JSON.stringify(data)) as unknown,
      metadata: metadata === undefined ? undefined : (JSON.parse(JSON.stringify(metadata)) as unknown),
      created: new Date(),
      position,
    };
    this.log.push(record);
    for (const subscription of this.live) this.deliver(subscription, record);
    return record;
  }

  private deliver(subscription: Live, record: EsdbRecord): void {
    if (subscription.prefixes.some((p) => record.streamId.startsWith(p))) subscription.stream.write({ event: record, commitPosition: record.position!.commit });
  }

  private streamOf(items: unknown[], failure?: Error) {
    const stream = new PassThrough({ objectMode: true });
    for (const item of items) stream.write(item);
    if (failure) setImmediate(() => stream.destroy(failure));
    else stream.end();
    return Object.assign(stream, { cancel: async () => void stream.destroy() });
  }
}
