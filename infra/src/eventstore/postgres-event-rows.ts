import type { Pool } from 'pg';
import type { NewEvent } from '@naxio/domain';
import { eventHash } from '../audit/hash-chain';

export type StreamHead = { version: number; lastHash: string | null };

/** The rows of an append: each event's version and its link in the stream's hash chain. */
export function eventRows(streamId: string, head: StreamHead, events: NewEvent[], firstParameter = 0) {
  const values: unknown[] = [];
  let lastHash = head.lastHash;
  const placeholders = events.map((event, i) => {
    const streamVersion = head.version + 1 + i;
    const hash = eventHash(lastHash, { eventId: event.metadata.eventId, streamId, streamVersion, type: event.type, data: event.data, metadata: event.metadata });
    values.push(event.metadata.eventId, streamId, streamVersion, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata), hash, lastHash);
    lastHash = hash;
    const p = firstParameter + i * 8;
    return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7}, $${p + 8})`;
  });
  return { placeholders, values, lastHash };
}

/** Not for a grouped append: the expected version does not hold, or an id is already stored. */
export class NeedsCarefulAppend extends Error {}

/**
 * NOTIFY inside the append would serialise every commit on PostgreSQL's notify lock, so one NOTIFY
 * goes out after commits, coalesced: at most one in flight, and always one after the latest commit.
 * It carries nothing and subscribers also poll, so coalescing loses nothing.
 */
export function coalescedNotifier(pool: Pool, channel: string): () => void {
  let owed = false;
  let running = false;
  return () => {
    owed = true;
    if (running) return;
    running = true;
    void (async () => {
      while (owed) {
        owed = false;
        await pool.query(`SELECT pg_notify('${channel}', '')`).catch(() => undefined);
      }
      running = false;
    })();
  };
}
