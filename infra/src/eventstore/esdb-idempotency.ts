import { type AppendResult, type NewEvent, PartialDuplicateAppend, type StreamRead } from '@naxio/domain';

/**
 * Our rule for repeated event ids, checked against what the stream holds: all ids stored already is
 * a no-op that answers with the stream's current version; some but not all is a caller bug.
 *
 * EventStoreDB's own duplicate check is weaker, which is why we check first:
 * - With an exact expected revision it only recognises a retry written at that same revision; an
 *   append at the stream's current revision that repeats an old id is simply written again.
 * - With ANY it looks the first id up in a cache of recent ids, best effort; after a restart or
 *   eviction a retried append is written twice.
 * - It has no index of ids across streams, so unlike PostgreSQL's unique `event_id` an id already
 *   stored in another stream is not noticed here either.
 * Returns undefined when none of the ids is stored: the append should go ahead.
 */
export function settleRepeatedIds(streamId: string, read: StreamRead, events: NewEvent[]): AppendResult | undefined {
  const wanted = new Set(events.map((e) => e.metadata.eventId));
  const stored = read.events.filter((e) => wanted.has(e.metadata.eventId));
  if (stored.length === 0) return undefined;
  if (stored.length !== wanted.size || wanted.size !== events.length) throw new PartialDuplicateAppend(streamId);
  return { nextExpectedVersion: read.version, position: stored.at(-1)!.position };
}
