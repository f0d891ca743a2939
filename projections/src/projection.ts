import type { PoolClient } from 'pg';
import type { EventMetadata, StoredEvent } from '@naxio/domain';
import { type StageTimes, timed, timedAsync } from './stage-times';

/**
 * What a read model reads of an event. A stored event is one; a rebuild reads this much and no more
 * from the store, because decoding every id of a million events costs seconds.
 */
export type ProjectedEvent = Pick<StoredEvent, 'type' | 'data' | 'streamVersion' | 'position' | 'recordedAt'> & {
  metadata: Pick<EventMetadata, 'eventId' | 'streamId' | 'tenantId' | 'occurredAt'>;
};

/** Data fields by event type. */
export type DataRead = Readonly<Partial<Record<string, readonly string[]>>>;

/**
 * A read model: the event types it reads, and its rules as one pure `fold` between a `load` of the
 * rows the events touch and a `save` of what changed. The live runner passes one event at a time, a
 * rebuild a page of thousands: the same rules either way, and the same rows in the end.
 *
 * Rows of one lead are read, folded and written back whole: a lead's events come in order on one
 * partition, whose consumer applies one transaction at a time. Rows that many leads share (counts)
 * are added to, never written back, so consumers of other partitions cannot undo each other.
 *
 * `load` and `save` name tables without a schema: a rebuild runs them with the search path pointing
 * at fresh copies, then swaps those in.
 */
export interface Projection<Loaded = unknown, Changes = unknown> {
  name: string;
  handles: readonly string[];
  /** Every table the read model owns; a rebuild replaces them together. */
  tables: readonly string[];
  /**
   * The data fields `fold` reads, by event type; it reads only the metadata of handled types not
   * listed. A rebuild reads data only of listed types and opens only listed fields that are sealed.
   */
  reads: DataRead;
  load(tx: PoolClient, events: readonly ProjectedEvent[]): Promise<Loaded>;
  /** No I/O: events in store order, all of types in `handles`. */
  fold(loaded: Loaded, events: readonly ProjectedEvent[]): Changes;
  save(tx: PoolClient, changes: Changes): Promise<void>;
}

/**
 * Applies events (in store order, all handled by the projection) inside the caller's transaction;
 * `stages` adds up the time spent loading, folding and saving.
 */
export async function applyEvents(projection: Projection, events: readonly ProjectedEvent[], tx: PoolClient, stages?: StageTimes): Promise<void> {
  const loaded = await timedAsync(stages, 'load', () => projection.load(tx, events));
  const changes = timed(stages, 'fold', () => projection.fold(loaded, events));
  await timedAsync(stages, 'save', () => projection.save(tx, changes));
}
