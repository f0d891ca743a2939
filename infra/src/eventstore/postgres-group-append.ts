import type { Pool, PoolClient } from 'pg';
import type { AppendResult, ExpectedVersion, NewEvent } from '@naxio/domain';
import { GroupedWork } from '../postgres/grouped-work';
import { inTransaction } from '../postgres/transaction';
import { insertLeadKeys, type NewLeadKey } from '../privacy/new-lead-keys';
import { checkExpectedVersion } from './expected-version';
import { eventRows, NeedsCarefulAppend, type StreamHead } from './postgres-event-rows';

type Pending = {
  streamId: string;
  events: NewEvent[];
  expected: ExpectedVersion;
  /** A new lead's key, stored with its first events or not at all (see OpensLeadsWithKeys). */
  leadKey?: NewLeadKey;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
};

/** Transactions in flight at once: enough to keep PostgreSQL busy, few enough that groups form. */
const LANES = 4;
/** A group's events share one INSERT, whose parameters PostgreSQL caps at 65,535 (8 per event). */
const MAX_GROUP_EVENTS = 1000;

/**
 * Group commit (see GroupedWork): one transaction locks the group's stream heads in one statement,
 * inserts every event and moves every head in another, and commits (one WAL flush) for all of them:
 * a few round trips per group instead of four per append.
 *
 * A member whose expected version does not hold leaves the group with NeedsCarefulAppend, and so does
 * every member of a group that hit an id already stored: the careful path then answers exactly. A new
 * lead's key goes in with its first events, in the same commit, when the append carries one.
 */
export class GroupedAppends {
  private readonly work: GroupedWork<Pending>;

  constructor(pool: Pool) {
    this.work = new GroupedWork(LANES, takeGroup, (group) => writeGroup(pool, group));
  }

  append(streamId: string, events: NewEvent[], expected: ExpectedVersion, leadKey?: NewLeadKey): Promise<AppendResult> {
    return new Promise((resolve, reject) => this.work.add({ streamId, events, expected, ...(leadKey ? { leadKey } : {}), resolve, reject }));
  }
}

/** The oldest waiting appends, one per stream (a second append to a stream needs the first's version). */
function takeGroup(queue: Pending[]): Pending[] {
  const group: Pending[] = [];
  const streams = new Set<string>();
  let events = 0;
  for (let i = 0; i < queue.length && events < MAX_GROUP_EVENTS; ) {
    const pending = queue[i]!;
    if (streams.has(pending.streamId) || (group.length > 0 && events + pending.events.length > MAX_GROUP_EVENTS)) {
      i += 1;
      continue;
    }
    streams.add(pending.streamId);
    events += pending.events.length;
    group.push(pending);
    queue.splice(i, 1);
  }
  return group;
}

/** Creates missing heads and locks all of them, in stream-id order so two groups never deadlock. */
async function lockHeads(client: PoolClient, streamIds: string[]): Promise<Map<string, StreamHead>> {
  const { rows } = await client.query<{ stream_id: string; version: number; last_hash: string | null }>(
    `INSERT INTO streams (stream_id, version) SELECT s, -1 FROM unnest($1::text[]) AS s
     ON CONFLICT (stream_id) DO UPDATE SET version = streams.version RETURNING stream_id, version, last_hash`,
    [[...streamIds].sort()],
  );
  return new Map(rows.map((r) => [r.stream_id, { version: r.version, lastHash: r.last_hash }]));
}

async function writeGroup(pool: Pool, group: Pending[]): Promise<void> {
  const careful: Pending[] = [];
  let results: Map<Pending, AppendResult>;
  try {
    results = await inTransaction(pool, async (client) => {
      const heads = await lockHeads(client, group.map((p) => p.streamId));
      const members: Pending[] = [];
      for (const p of group) (checkExpectedVersion(p.expected, heads.get(p.streamId)!.version) ? members : careful).push(p);
      const keyed = members.filter((p) => p.leadKey);
      const keysIn = keyed.length === 0 ? new Set<string>() : await insertLeadKeys(client, keyed.map((p) => p.leadKey!));
      // A lead whose key another process made first: its events were sealed with ours, so they stay out.
      const declined = new Set(keyed.filter((p) => !keysIn.has(p.streamId)));
      careful.push(...declined);
      const written = members.filter((p) => !declined.has(p));
      return written.length === 0 ? new Map() : insertGroup(client, written, heads);
    });
  } catch (error) {
    // One stored id spoils the INSERT for all: each member goes the careful way instead.
    const settle = (error as { constraint?: string }).constraint === 'events_event_id_key' ? (p: Pending) => p.reject(new NeedsCarefulAppend()) : (p: Pending) => p.reject(error);
    group.forEach(settle);
    return;
  }
  for (const pending of careful) pending.reject(new NeedsCarefulAppend());
  for (const [pending, result] of results) pending.resolve(result);
}

async function insertGroup(client: PoolClient, members: Pending[], heads: Map<string, StreamHead>): Promise<Map<Pending, AppendResult>> {
  const values: unknown[] = [];
  const placeholders: string[] = [];
  const moved = { streamIds: [] as string[], versions: [] as number[], hashes: [] as Array<string | null> };
  for (const pending of members) {
    const head = heads.get(pending.streamId)!;
    const rows = eventRows(pending.streamId, head, pending.events, values.length);
    values.push(...rows.values);
    placeholders.push(...rows.placeholders);
    moved.streamIds.push(pending.streamId);
    moved.versions.push(head.version + pending.events.length);
    moved.hashes.push(rows.lastHash);
  }
  const n = values.push(moved.streamIds, moved.versions, moved.hashes);
  const inserted = await client.query<{ stream_id: string; transaction_id: string; position: number }>(
    `WITH inserted AS (
       INSERT INTO events (event_id, stream_id, stream_version, type, data, metadata, hash, previous_hash)
       VALUES ${placeholders.join(', ')} RETURNING stream_id, transaction_id, position),
     moved AS (
       UPDATE streams s SET version = m.version, last_hash = m.last_hash
         FROM unnest($${n - 2}::text[], $${n - 1}::bigint[], $${n}::text[]) AS m(stream_id, version, last_hash)
        WHERE s.stream_id = m.stream_id)
     SELECT * FROM inserted ORDER BY position`,
    values,
  );
  const last = new Map<string, { transaction_id: string; position: number }>();
  for (const row of inserted.rows) last.set(row.stream_id, row);
  return new Map(
    members.map((p) => {
      const tail = last.get(p.streamId)!;
      return [p, { nextExpectedVersion: heads.get(p.streamId)!.version + p.events.length, position: `${tail.transaction_id}:${tail.position}` }];
    }),
  );
}
