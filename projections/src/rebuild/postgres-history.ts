import type { Pool } from 'pg';
import type { ProjectedEvent } from '../projection';
import { type StageTimes, timed, timedAsync } from '../stage-times';

/**
 * Where a rebuild reads history: any event store's `readAll` fits. `dataOf` names the event types
 * whose data the reader needs; a history may leave the data of others out.
 */
export type History = { readAll(options: { after?: string; limit: number; dataOf?: readonly string[] }): Promise<ProjectedEvent[]> };

type Row = [tx: string, position: string, eventId: string, streamVersion: string, type: string, streamId: string, tenantId: string, occurredAt: string, recordedAt: string, data: string | null];

// Every column as the text PostgreSQL sent: only what projections read is decoded, and only here.
const asText = { getTypeParser: () => (value: string) => value };

// The same order and visibility rule as PostgresEventStore.readAll: below the oldest transaction still
// in flight, so an event that commits late is never skipped. The order names the table's columns, not
// the text columns of the same names this selects. Data is sent only of the types asked for ($4, or
// all when null): turning JSONB into text is a third of the server's work on a page.
const PAGE = `
  SELECT transaction_id::text, position::text, event_id::text, stream_version::text, type,
         metadata->>'streamId', metadata->>'tenantId', metadata->>'occurredAt', (recorded_at AT TIME ZONE 'UTC')::text,
         CASE WHEN $4::text[] IS NULL OR type = ANY($4::text[]) THEN data::text END
    FROM events e
   WHERE (e.transaction_id, e.position) > ($1::xid8, $2::bigint) AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
   ORDER BY e.transaction_id, e.position
   LIMIT $3`;

const UTC_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?$/;

/** What the store's own reader makes of recorded_at: ISO 8601 in UTC, cut (not rounded) to the millisecond. */
function recordedAtIso(text: string): string {
  const match = UTC_TIMESTAMP.exec(text);
  if (!match) throw new Error(`recorded_at "${text}" is not an ISO timestamp (the database must use DateStyle ISO)`);
  return `${match[1]}T${match[2]}.${(match[3] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
}

// One string per event type, so each later look-up by type finds its hash already computed.
const eventTypes = new Map<string, string>();
const sameType = (type: string) => eventTypes.get(type) ?? (eventTypes.set(type, type), type);

function decode(row: Row): ProjectedEvent {
  const [tx, position, eventId, streamVersion, type, streamId, tenantId, occurredAt, recordedAt, data] = row;
  return {
    type: sameType(type),
    data: data === null ? null : (JSON.parse(data) as unknown),
    metadata: { eventId, streamId, tenantId, occurredAt },
    streamVersion: Number(streamVersion),
    position: `${tx}:${position}`,
    recordedAt: recordedAtIso(recordedAt),
  };
}

/**
 * The history of the PostgreSQL event store in `pool`'s database, read for a rebuild: PostgresEventStore's
 * order and positions, but only the columns and metadata projections read, decoded from text here.
 * readAll's full decoding (every id, a Date per event) costs several times more over a million events.
 * Personal fields come as stored, sealed: the rebuild opens those its projections read. Events of
 * types not in `dataOf` come with null data.
 */
export function postgresHistory(pool: Pool, stages?: StageTimes): History {
  return {
    async readAll({ after, limit, dataOf }) {
      const [tx, position] = (after ?? '0:0').split(':');
      const values = [tx, position, limit, dataOf ?? null];
      const { rows } = await timedAsync(stages, 'query', () => pool.query<Row>({ text: PAGE, values, rowMode: 'array', types: asText }));
      return timed(stages, 'decode', () => rows.map(decode));
    },
  };
}
