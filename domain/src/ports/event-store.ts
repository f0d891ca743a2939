/**
 * The source of truth: one stream per lead, appended with an expected version, and read back either
 * per stream or in one global order that never skips an event that committed late.
 */

export type EventMetadata = {
  /** Unique per event; appending an id the store already holds is a no-op, not a duplicate. */
  eventId: string;
  streamId: string;
  tenantId: string;
  occurredAt: string;
  /** The first cause of a chain (usually a webhook); shared by every event it led to. */
  correlationId: string;
  /** The event or request that directly caused this one; null for a request from outside. */
  causationId: string | null;
};

export type NewEvent<Type extends string = string, Data = unknown> = {
  type: Type;
  data: Data;
  metadata: EventMetadata;
};

export type StoredEvent<Type extends string = string, Data = unknown> = NewEvent<Type, Data> & {
  /** 0 for the first event of a stream. */
  streamVersion: number;
  /** Opaque, ordered token of the global position; hand it back to read what follows. */
  position: string;
  recordedAt: string;
};

/** A number is the version the stream must be at (-1: it must not exist yet). */
export type ExpectedVersion = number | 'any' | 'no_stream';

export type AppendResult = { nextExpectedVersion: number; position: string };

export type StreamRead = { version: number; events: StoredEvent[] };

export type Subscription = { stop(): Promise<void> };

export type SubscribeOptions = {
  after?: string;
  batchSize?: number;
  /** A failed read or handler is retried from the same position; this hears about each failure. */
  onError?: (error: unknown) => void;
};

export interface EventStore {
  readStream(streamId: string): Promise<StreamRead>;
  appendToStream(streamId: string, events: NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult>;
  /** Events after `after` (or from the start) in global order, at most `limit`. */
  readAll(options: { after?: string; limit: number }): Promise<StoredEvent[]>;
  /** Calls `handle` with each batch in global order; the next batch waits for the previous one. */
  subscribeToAll(
    options: SubscribeOptions,
    handle: (events: StoredEvent[]) => Promise<void>,
  ): Subscription;
}

export class WrongExpectedVersion extends Error {
  readonly code = 'wrong_expected_version';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`stream ${streamId} is at version ${actual}, expected ${String(expected)}`);
    this.name = 'WrongExpectedVersion';
  }
}

/** Some, but not all, of the event ids in an append are already stored: a caller bug, never retried. */
export class PartialDuplicateAppend extends Error {
  readonly code = 'partial_duplicate_append';
  constructor(readonly streamId: string) {
    super(`append to ${streamId} repeats some stored event ids but not all`);
    this.name = 'PartialDuplicateAppend';
  }
}

export interface CheckpointStore {
  load(name: string): Promise<string | undefined>;
  save(name: string, position: string): Promise<void>;
}
