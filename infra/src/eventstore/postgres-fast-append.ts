import type { Pool, PoolClient } from 'pg';
import type { AppendResult, ExpectedVersion, NewEvent } from '@naxio/domain';
import { eventHash } from '../audit/hash-chain';
import { inTransaction } from '../postgres/transaction';
import { checkExpectedVersion } from './expected-version';

export type StreamHead = { version: number; lastHash: string | null };

/** The rows of an append: each event's version and its link in the stream's hash chain. */
export function eventRows(streamId: string, head: StreamHead, events: NewEvent[]) {
  const values: unknown[] = [];
  let lastHash = head.lastHash;
  const placeholders = events.map((event, i) => {
    const streamVersion = head.version + 1 + i;
    const hash = eventHash(lastHash, { eventId: event.metadata.eventId, streamId, streamVersion, type: event.type, data: event.data, metadata: event.metadata });
    values.push(event.metadata.eventId, streamId, streamVersion, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata), hash, lastHash);
    lastHash = hash;
    const p = i * 8;
    return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7}, $${p + 8})`;
  });
  return { placeholders, values, lastHash };
}

/** Not for the fast path: the expected version does not hold, or an id is already stored. */
export class NeedsCarefulAppend extends Error {}

const LOCK_HEAD = `INSERT INTO streams (stream_id, version) VALUES ($1, -1)
  ON CONFLICT (stream_id) DO UPDATE SET version = streams.version RETURNING version, last_hash`;

async function lockHead(client: PoolClient, streamId: string): Promise<StreamHead> {
  const row = (await client.query<{ version: number; last_hash: string | null }>(LOCK_HEAD, [streamId])).rows[0]!;
  return { version: row.version, lastHash: row.last_hash };
}

/**
 * The common append in four round trips: one upsert creates and locks the stream head, one statement
 * inserts the events and moves the head. Anything unusual (a version that does not hold, an id
 * already stored) rolls back and is left to the careful append, which answers exactly.
 */
export async function fastAppend(pool: Pool, streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
  try {
    return await inTransaction(pool, async (client) => {
      const head = await lockHead(client, streamId);
      if (!checkExpectedVersion(expected, head.version)) throw new NeedsCarefulAppend();
      const { placeholders, values, lastHash } = eventRows(streamId, head, events);
      const n = values.push(streamId, head.version + events.length, lastHash);
      const inserted = await client.query<{ transaction_id: string; position: number }>(
        `WITH inserted AS (
           INSERT INTO events (event_id, stream_id, stream_version, type, data, metadata, hash, previous_hash)
           VALUES ${placeholders.join(', ')} RETURNING transaction_id, position),
         moved AS (UPDATE streams SET version = $${n - 1}, last_hash = $${n} WHERE stream_id = $${n - 2})
         SELECT * FROM inserted ORDER BY position`,
        values,
      );
      const tail = inserted.rows.at(-1)!;
      return { nextExpectedVersion: head.version + events.length, position: `${tail.transaction_id}:${tail.position}` };
    });
  } catch (error) {
    if ((error as { constraint?: string }).constraint === 'events_event_id_key') throw new NeedsCarefulAppend();
    throw error;
  }
}

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
