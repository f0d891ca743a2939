import {
  type AppendResult,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  PartialDuplicateAppend,
  type StoredEvent,
  type SubscribeOptions,
  type StreamRead,
  WrongExpectedVersion,
} from '@naxio/domain';
import { checkExpectedVersion } from './expected-version';
import { pollingSubscription } from './polling-subscription';

/** The event store's twin for unit tests and single-process runs: same contract, no database. */
export class InMemoryEventStore implements EventStore {
  private readonly all: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly byId = new Map<string, StoredEvent>();
  private readonly listeners = new Set<() => void>();

  async readStream(streamId: string): Promise<StreamRead> {
    const events = this.streams.get(streamId) ?? [];
    return { version: events.length - 1, events: [...events] };
  }

  async appendToStream(streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    if (events.length === 0) throw new Error('nothing to append');
    const stream = this.streams.get(streamId) ?? [];
    const version = stream.length - 1;
    const stored = events.map((e) => this.byId.get(e.metadata.eventId)).filter((e) => e !== undefined);
    if (stored.length > 0) {
      if (stored.length !== events.length || stored.some((e) => e.metadata.streamId !== streamId)) throw new PartialDuplicateAppend(streamId);
      return { nextExpectedVersion: version, position: stored.at(-1)!.position };
    }
    if (!checkExpectedVersion(expected, version)) throw new WrongExpectedVersion(streamId, expected, version);
    const recordedAt = new Date().toISOString();
    for (const [i, event] of events.entries()) {
      const record: StoredEvent = { ...event, streamVersion: version + 1 + i, position: String(this.all.length + 1), recordedAt };
      this.all.push(record);
      stream.push(record);
      this.byId.set(event.metadata.eventId, record);
    }
    this.streams.set(streamId, stream);
    for (const listener of this.listeners) listener();
    return { nextExpectedVersion: version + events.length, position: String(this.all.length) };
  }

  async readAll({ after, limit }: { after?: string; limit: number }): Promise<StoredEvent[]> {
    const from = after === undefined ? 0 : Number(after);
    return this.all.slice(from, from + limit);
  }

  subscribeToAll(options: SubscribeOptions, handle: (events: StoredEvent[]) => Promise<void>) {
    return pollingSubscription(this, options, handle, async (wake) => {
      this.listeners.add(wake);
      return async () => void this.listeners.delete(wake);
    }, options.onError);
  }
}
