import type { Pool, PoolClient } from 'pg';
import { laterOf, type Position, positionFromColumns } from './position';

export type PartitionKey = { projection: string; topic: string; partition: number };

type ClaimRow = { position_tx: string | null; position_seq: string | null; rebuilt_through_tx: string | null; rebuilt_through_seq: string | null };

/** Every projection has a status row before its first message; creating it twice is harmless. */
export async function ensureProjectionStatus(db: Pool | PoolClient, projection: string): Promise<void> {
  await db.query('INSERT INTO projection_status (projection) VALUES ($1) ON CONFLICT DO NOTHING', [projection]);
}

/**
 * Inside the message's transaction: locks the partition's offset row (a second consumer of the same
 * partition waits, then sees what the first applied) and key-share locks the projection's status row
 * (a rebuild's swap waits for this transaction and blocks the next). Returns the position a message
 * must come after to be applied: the later of the partition's last applied event and the rebuild floor.
 */
export async function claimPartition(tx: PoolClient, key: PartitionKey): Promise<Position | null> {
  await tx.query('INSERT INTO projection_offsets (projection, topic, partition) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
    key.projection,
    key.topic,
    key.partition,
  ]);
  const { rows } = await tx.query<ClaimRow>(
    `SELECT o.position_tx::text, o.position_seq::text, s.rebuilt_through_tx::text, s.rebuilt_through_seq::text
       FROM projection_offsets o JOIN projection_status s USING (projection)
      WHERE o.projection = $1 AND o.topic = $2 AND o.partition = $3
        FOR NO KEY UPDATE OF o FOR KEY SHARE OF s`,
    [key.projection, key.topic, key.partition],
  );
  const row = rows[0];
  if (!row) throw new Error(`projection ${key.projection} has no status row`);
  return laterOf(positionFromColumns(row.position_tx, row.position_seq), positionFromColumns(row.rebuilt_through_tx, row.rebuilt_through_seq));
}

/** Records the consumed offset, and the event's position when it was applied (`null`: skipped). */
export async function recordOffset(tx: PoolClient, key: PartitionKey, offset: string, applied: Position | null): Promise<void> {
  await tx.query(
    `UPDATE projection_offsets
        SET kafka_offset = GREATEST(kafka_offset, $4::bigint),
            position_tx = COALESCE($5::numeric, position_tx),
            position_seq = COALESCE($6::numeric, position_seq),
            updated_at = now()
      WHERE projection = $1 AND topic = $2 AND partition = $3`,
    [key.projection, key.topic, key.partition, offset, applied?.tx.toString() ?? null, applied?.seq.toString() ?? null],
  );
}

/** The last consumed offset of each partition, where a (re)started consumer resumes. */
export async function loadOffsets(db: Pool | PoolClient, projection: string, topic: string): Promise<Map<number, bigint>> {
  const { rows } = await db.query<{ partition: number; kafka_offset: number }>(
    'SELECT partition, kafka_offset FROM projection_offsets WHERE projection = $1 AND topic = $2 AND kafka_offset >= 0',
    [projection, topic],
  );
  return new Map(rows.map((r) => [r.partition, BigInt(r.kafka_offset)]));
}

/** The furthest position any live consumer of the projection has applied, on any topic. */
export async function furthestApplied(db: Pool | PoolClient, projection: string): Promise<Position | null> {
  const { rows } = await db.query<{ position_tx: string; position_seq: string }>(
    `SELECT position_tx::text, position_seq::text FROM projection_offsets
      WHERE projection = $1 AND position_tx IS NOT NULL
      ORDER BY position_tx DESC, position_seq DESC LIMIT 1`,
    [projection],
  );
  const row = rows[0];
  return row ? positionFromColumns(row.position_tx, row.position_seq) : null;
}
