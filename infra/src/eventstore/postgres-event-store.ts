import type { Pool, PoolClient } from 'pg';
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
import { pollingSubscription } from './polling-subscription';
import { checkExpectedVersion } from './expected-version';
import { coalescedNotifier, eventRows, NeedsCarefulAppend, type StreamHead } from './postgres-event-rows';
import { GroupedAppends } from './postgres-group-append';
import { inTransaction } from '../postgres/transaction';
import type { NewLeadKey, OpensLeadsWithKeys } from '../privacy/new-lead-keys';

const NOTIFY_CHANNEL = 'naxio_events';
const START = '0:0';

type EventRow = {
  position: number;
  transaction_id: string;
  event_id: string;
  stream_id: string;
  stream_version: number;
  type: string;
  data: unknown;
  metadata: StoredEvent['metadata'];
  recorded_at: Date;
};

const toStored = (row: EventRow): StoredEvent => ({
  type: row.type,
  data: row.data,
  metadata: row.metadata,
  streamVersion: row.stream_version,
  position: `${row.transaction_id}:${row.position}`,
  recordedAt: row.recorded_at.toISOString(),
});

function parsePosition(position: string | undefined): [string, number] {
  const [tx, pos] = (position ?? START).split(':');
  if (!tx || !/^\d+$/.test(tx) || !pos || !/^\d+$/.test(pos)) throw new Error(`not a Postgres event position: ${position}`);
  return [tx, Number(pos)];
}

async function lockStream(client: PoolClient, streamId: string): Promise<StreamHead> {
  await client.query('INSERT INTO streams (stream_id, version) VALUES ($1, -1) ON CONFLICT DO NOTHING', [streamId]);
  const locked = await client.query<{ version: number; last_hash: string | null }>('SELECT version, last_hash FROM streams WHERE stream_id = $1 FOR UPDATE', [streamId]);
  return { version: locked.rows[0]!.version, lastHash: locked.rows[0]!.last_hash };
}

/** Already-stored ids make the append a no-op (a retried command); some-but-not-all is a bug. */
async function findStored(client: PoolClient, streamId: string, events: NewEvent[]): Promise<EventRow[]> {
  const ids = events.map((e) => e.metadata.eventId);
  const found = await client.query<EventRow>('SELECT * FROM events WHERE event_id = ANY($1::uuid[]) ORDER BY position', [ids]);
  if (found.rowCount === 0) return [];
  if (found.rowCount !== ids.length || found.rows.some((r) => r.stream_id !== streamId)) throw new PartialDuplicateAppend(streamId);
  return found.rows;
}

async function insertEvents(client: PoolClient, streamId: string, head: StreamHead, events: NewEvent[]): Promise<EventRow[]> {
  const { placeholders, values, lastHash } = eventRows(streamId, head, events);
  const inserted = await client.query<EventRow>(
    `INSERT INTO events (event_id, stream_id, stream_version, type, data, metadata, hash, previous_hash) VALUES ${placeholders.join(', ')} RETURNING *`,
    values,
  );
  await client.query('UPDATE streams SET version = $2, last_hash = $3 WHERE stream_id = $1', [streamId, head.version + events.length, lastHash]);
  await client.query(`SELECT pg_notify('${NOTIFY_CHANNEL}', '')`);
  return inserted.rows;
}

export class PostgresEventStore implements EventStore, OpensLeadsWithKeys {
  private readonly notify: () => void;
  private readonly groups: GroupedAppends;

  constructor(private readonly pool: Pool) {
    this.notify = coalescedNotifier(pool, NOTIFY_CHANNEL);
    this.groups = new GroupedAppends(pool);
  }

  async readStream(streamId: string): Promise<StreamRead> {
    const result = await this.pool.query<EventRow>('SELECT * FROM events WHERE stream_id = $1 ORDER BY stream_version', [streamId]);
    return { version: result.rows.length - 1, events: result.rows.map(toStored) };
  }

  async appendToStream(streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    if (events.length === 0) throw new Error('nothing to append');
    try {
      const appended = await this.groups.append(streamId, events, expected);
      this.notify();
      return appended;
    } catch (error) {
      if (!(error instanceof NeedsCarefulAppend)) throw error;
      return this.appendCarefully(streamId, events, expected);
    }
  }

  async appendFirstEvents(streamId: string, events: NewEvent[], leadKey: NewLeadKey): Promise<AppendResult | undefined> {
    try {
      const appended = await this.groups.append(streamId, events, 'no_stream', leadKey);
      this.notify();
      return appended;
    } catch (error) {
      // The stream or the key is there already: the caller seals with the lead's own key and appends again.
      if (error instanceof NeedsCarefulAppend) return undefined;
      throw error;
    }
  }

  /** Every rule spelled out, one step at a time: repeated ids, the expected version, the append. */
  private appendCarefully(streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    return inTransaction(this.pool, async (client) => {
      const head = await lockStream(client, streamId);
      const { version } = head;
      const stored = await findStored(client, streamId, events);
      const last = stored.at(-1);
      if (last) return { nextExpectedVersion: version, position: `${last.transaction_id}:${last.position}` };
      if (!checkExpectedVersion(expected, version)) throw new WrongExpectedVersion(streamId, expected, version);
      const inserted = await insertEvents(client, streamId, head, events);
      const tail = inserted.at(-1)!;
      return { nextExpectedVersion: version + events.length, position: `${tail.transaction_id}:${tail.position}` };
    });
  }

  async readAll({ after, limit }: { after?: string; limit: number }): Promise<StoredEvent[]> {
    const [tx, pos] = parsePosition(after);
    const result = await this.pool.query<EventRow>(
      `SELECT * FROM events
        WHERE (transaction_id, position) > ($1::xid8, $2::bigint)
          AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY transaction_id, position
        LIMIT $3`,
      [tx, pos, limit],
    );
    return result.rows.map(toStored);
  }

  subscribeToAll(options: SubscribeOptions, handle: (events: StoredEvent[]) => Promise<void>) {
    return pollingSubscription(this, options, handle, (wake) => this.listen(wake), options.onError);
  }

  /**
   * Wakes a subscription as soon as something commits, so latency is not the poll interval. A lost
   * connection (a server restart) is replaced; the poll covers the gap.
   */
  private async listen(wake: () => void): Promise<() => Promise<void>> {
    let stopped = false;
    let current: { client: PoolClient; release(broken: boolean): void } | undefined;
    const attach = async (): Promise<void> => {
      const client = await this.pool.connect();
      let released = false;
      const release = (broken: boolean) => {
        if (released) return;
        released = true;
        current = undefined;
        client.off('notification', wake);
        client.off('error', onError);
        client.release(broken);
      };
      const onError = () => {
        release(true);
        const retry = () => void (stopped || attach().then(wake, () => setTimeout(retry, 1000)));
        setTimeout(retry, 1000);
      };
      client.on('notification', wake);
      client.once('error', onError);
      try {
        await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
      } catch (error) {
        release(true);
        throw error;
      }
      if (stopped) release(true);
      else current = { client, release };
    };
    await attach();
    return async () => {
      stopped = true;
      const listening = current;
      if (!listening) return;
      await listening.client.query(`UNLISTEN ${NOTIFY_CHANNEL}`).catch(() => undefined);
      listening.release(false);
    };
  }
}
