import { jsonEvent, type EventData, type JSONType, type Position } from '@eventstore/db-client';
import type { EventMetadata, NewEvent, StoredEvent } from '@naxio/domain';
import { encodeEsdbPosition } from './esdb-position';

/** Our streams in EventStoreDB's log; everything else there (`$…` system streams, stats) is not ours. */
export const ESDB_STREAM_PREFIXES: readonly string[] = ['lead-'];

export class UnreadableEsdbEvent extends Error {
  readonly code = 'unreadable_esdb_event';
  constructor(readonly streamId: string, readonly eventId: string, reason: string) {
    super(`event ${eventId} in ${streamId} cannot be read as a Naxio event: ${reason}`);
    this.name = 'UnreadableEsdbEvent';
  }
}

/** The structural part of the client's recorded event that we read (stream and $all reads alike). */
export type EsdbRecord = {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  isJson: boolean;
  data: unknown;
  metadata: unknown;
  created: Date;
  position?: Position;
};

/** A JSON event whose id is our event id (so the server's own duplicate check sees the same ids). */
export function toEsdbEvent(event: NewEvent): EventData {
  return jsonEvent({
    id: event.metadata.eventId,
    type: event.type,
    data: event.data as JSONType,
    metadata: event.metadata as unknown as JSONType,
  });
}

export function isOurEsdbStream(streamId: string, prefixes: readonly string[] = ESDB_STREAM_PREFIXES): boolean {
  return !streamId.startsWith('$') && prefixes.some((prefix) => streamId.startsWith(prefix));
}

function isEventMetadata(value: unknown): value is EventMetadata {
  const candidate = value as Partial<EventMetadata> | null;
  return typeof candidate === 'object' && candidate !== null && typeof candidate.eventId === 'string' && typeof candidate.streamId === 'string';
}

/**
 * Back to our shape. The log position comes from the server (always on $all reads; on stream reads
 * from EventStoreDB 22.6 on), and an event we cannot read is an error, never silently dropped: a
 * reader that skipped it would move its checkpoint past it for good.
 */
export function fromEsdbRecord(record: EsdbRecord): StoredEvent {
  const unreadable = (reason: string) => new UnreadableEsdbEvent(record.streamId, record.id, reason);
  if (!record.isJson) throw unreadable('it is not a JSON event');
  if (!isEventMetadata(record.metadata)) throw unreadable('its metadata is not Naxio event metadata');
  if (!record.position) throw unreadable('the server sent no log position (EventStoreDB older than 22.6?)');
  return {
    type: record.type,
    data: record.data,
    metadata: record.metadata,
    streamVersion: Number(record.revision),
    position: encodeEsdbPosition(record.position),
    recordedAt: record.created.toISOString(),
  };
}
