import {
  type AllStreamResolvedEvent,
  type AppendResult as EsdbAppendResult,
  EventStoreDBClient,
  type Position,
  START,
  type StreamingRead,
  streamNameFilter,
} from '@eventstore/db-client';
import {
  type AppendResult,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  type StoredEvent,
  type StreamRead,
  type SubscribeOptions,
  type Subscription,
  WrongExpectedVersion,
} from '@naxio/domain';
import { isEsdbStreamNotFound, isEsdbWrongExpectedVersion, toExpectedRevision, versionFromRevision } from './esdb-expected-version';
import { settleRepeatedIds } from './esdb-idempotency';
import { decodeEsdbPosition, encodeEsdbPosition, isAfterEsdbPosition } from './esdb-position';
import { ESDB_STREAM_PREFIXES, type EsdbRecord, fromEsdbRecord, isOurEsdbStream, toEsdbEvent } from './esdb-records';
import { resubscribingSubscription } from './esdb-subscription';

const DEFAULT_SUBSCRIPTION_BATCH = 500;

export type EsdbEventStoreOptions = {
  /** Which streams of the shared log are ours (default: lead streams). */
  streamPrefixes?: readonly string[];
  /** Events read from $all per request while looking for ours (default 256). */
  scanSize?: number;
  /** Pause before a failed subscription subscribes again (default 1 s). */
  retryMs?: number;
};

/** Reads a server stream to the end, or until `each` says stop; an early stop cancels the call. */
async function drain<T>(read: StreamingRead<T>, each: (item: T) => boolean): Promise<void> {
  let complete = false;
  try {
    for await (const item of read) if (!each(item)) return;
    complete = true;
  } finally {
    if (!complete) await read.cancel().catch(() => undefined);
  }
}

/**
 * The event store on EventStoreDB (KurrentDB): one stream per lead under our own stream id, events
 * as JSON with our metadata as the event's metadata and our event id as its id. The global order is
 * the server's `$all` log filtered to our streams, and a subscription is a server-side catch-up
 * subscription that subscribes again from the last handled position after any failure.
 */
export class EsdbEventStore implements EventStore {
  private readonly prefixes: readonly string[];
  private readonly scanSize: number;
  private readonly retryMs: number | undefined;

  static fromConnectionString(connectionString: string, options: EsdbEventStoreOptions = {}): EsdbEventStore {
    return new EsdbEventStore(EventStoreDBClient.connectionString(connectionString), options);
  }

  constructor(
    private readonly client: EventStoreDBClient,
    options: EsdbEventStoreOptions = {},
  ) {
    this.prefixes = options.streamPrefixes ?? ESDB_STREAM_PREFIXES;
    this.scanSize = Math.max(2, options.scanSize ?? 256);
    this.retryMs = options.retryMs;
  }

  async readStream(streamId: string): Promise<StreamRead> {
    const events: StoredEvent[] = [];
    try {
      await drain(this.client.readStream(streamId), (resolved) => {
        if (resolved.event) events.push(fromEsdbRecord(resolved.event));
        return true;
      });
    } catch (error) {
      if (isEsdbStreamNotFound(error)) return { version: -1, events: [] };
      throw error;
    }
    return { version: events.at(-1)?.streamVersion ?? -1, events };
  }

  /**
   * Reads the stream first to apply our rule for repeated ids (see settleRepeatedIds), then lets the
   * server check the expected version. A refusal or an accepted append without a log position is
   * looked at again: a concurrent retry of this same append may have been the one that got in.
   */
  async appendToStream(streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    if (events.length === 0) throw new Error('nothing to append');
    const expectedRevision = toExpectedRevision(expected);
    const repeated = settleRepeatedIds(streamId, await this.readStream(streamId), events);
    if (repeated) return repeated;
    let result: EsdbAppendResult;
    try {
      result = await this.client.appendToStream(streamId, events.map(toEsdbEvent), { expectedRevision });
    } catch (error) {
      if (!isEsdbWrongExpectedVersion(error)) throw error;
      return this.afterRefusal(streamId, events, expected, versionFromRevision(error.actualVersion));
    }
    // Only with `throwOnAppendFailure=false` in the connection string does a refusal come back as a result.
    if (!result.success) return this.afterRefusal(streamId, events, expected, undefined);
    if (!result.position) return this.afterAcceptedWithoutPosition(streamId, events);
    return { nextExpectedVersion: Number(result.nextExpectedRevision), position: encodeEsdbPosition(result.position) };
  }

  async readAll({ after, limit }: { after?: string; limit: number }): Promise<StoredEvent[]> {
    let from = decodeEsdbPosition(after);
    const found: StoredEvent[] = [];
    if (limit <= 0) return found;
    const scan = Math.max(limit, this.scanSize);
    for (;;) {
      let seen = 0;
      let last: Position | undefined;
      const lowerBound = from;
      await drain(this.client.readAll({ fromPosition: lowerBound ?? START, maxCount: scan }), (resolved) => {
        seen++;
        if (!resolved.event) return true;
        last = resolved.event.position;
        const event = this.ours(resolved.event, lowerBound);
        if (event) found.push(event);
        return found.length < limit;
      });
      // A short page is the end of the log; a page that did not move on would repeat forever.
      if (found.length >= limit || seen < scan || !last || !isAfterEsdbPosition(last, lowerBound)) return found;
      from = last;
    }
  }

  subscribeToAll(options: SubscribeOptions, handle: (events: StoredEvent[]) => Promise<void>): Subscription {
    decodeEsdbPosition(options.after); // a malformed checkpoint fails here, not in an endless retry
    return resubscribingSubscription<AllStreamResolvedEvent>(
      {
        after: options.after,
        batchSize: options.batchSize ?? DEFAULT_SUBSCRIPTION_BATCH,
        onError: options.onError,
        retryMs: this.retryMs,
        open: (after) => {
          // The stream buffers up to a batch before it stops pulling from the server (back-pressure).
          const subscription = this.client.subscribeToAll(
            { fromPosition: decodeEsdbPosition(after) ?? START, filter: streamNameFilter({ prefixes: [...this.prefixes] }) },
            { highWaterMark: options.batchSize ?? DEFAULT_SUBSCRIPTION_BATCH },
          );
          return { stream: subscription, close: () => subscription.unsubscribe() };
        },
        toEvent: (resolved, after) => (resolved.event ? this.ours(resolved.event, decodeEsdbPosition(after)) : undefined),
      },
      handle,
    );
  }

  /** Closes the client's connections; the store cannot be used afterwards. */
  async close(): Promise<void> {
    await this.client.dispose();
  }

  /** Positions are compared as well as filtered on: whether a read from a position includes it is not ours to rely on. */
  private ours(record: EsdbRecord, after: Position | undefined): StoredEvent | undefined {
    if (!isOurEsdbStream(record.streamId, this.prefixes) || record.type.startsWith('$')) return undefined;
    if (record.position && !isAfterEsdbPosition(record.position, after)) return undefined;
    return fromEsdbRecord(record);
  }

  private async afterRefusal(streamId: string, events: NewEvent[], expected: ExpectedVersion, actual: number | undefined): Promise<AppendResult> {
    const read = await this.readStream(streamId);
    const repeated = settleRepeatedIds(streamId, read, events);
    if (repeated) return repeated;
    throw new WrongExpectedVersion(streamId, expected, actual ?? read.version);
  }

  /** The server recognised the ids as a retry it had already written, and wrote nothing. */
  private async afterAcceptedWithoutPosition(streamId: string, events: NewEvent[]): Promise<AppendResult> {
    const repeated = settleRepeatedIds(streamId, await this.readStream(streamId), events);
    if (repeated) return repeated;
    throw new Error(`EventStoreDB accepted the append to ${streamId} without a log position, yet the events are not in the stream`);
  }
}
