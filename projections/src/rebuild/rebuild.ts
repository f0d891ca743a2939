import type { PoolClient } from 'pg';
import { inTransaction } from '@naxio/infra';
import { ensureProjectionStatus, furthestApplied } from '../offsets';
import { comparePositions, parsePosition, type Position } from '../position';
import { createRebuildTables, liveSchema, swapInRebuiltTables } from './rebuild-tables';
import { Replay, type ReplayOptions } from './replay';

export type { RebuildProgress } from './replay';

export type RebuildOptions = ReplayOptions & {
  /** How long the swap may wait for the store to show what a live projector has already applied. */
  catchUpTimeoutMs?: number;
};

export type RebuildResult = { replayed: number; rebuiltThrough: string | undefined };

// One rebuild at a time: they share the rebuild schema.
const REBUILD_LOCK = 7318020;

/**
 * Rebuilds read models from the event store itself, without stopping the live projectors:
 *
 * 1. Fresh copies of the tables are filled by replaying `readAll` to its end: position P. Each page
 *    is folded in memory and its rows saved a statement per table (see Replay).
 * 2. The swap transaction locks the projections' status rows FOR UPDATE, which waits for any live
 *    message transaction in flight and holds off the next (each takes a key-share lock on that row).
 * 3. Handoff rule: the swap only goes ahead when no live projector has applied anything after P
 *    (otherwise it lets go, replays further, and tries again). Then the fresh tables replace the live
 *    ones and P becomes every partition's floor: live consumption applies exactly the events after
 *    P. Kafka offsets are left where the live projector was, which is never past the first message
 *    after P (it has applied nothing after P); the stretch it re-reads is skipped by position.
 */
export async function rebuildProjections(options: RebuildOptions): Promise<RebuildResult> {
  const client = await options.pool.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [REBUILD_LOCK]);
    if (!rows[0]?.locked) throw new Error('another projection rebuild is running');
    try {
      const live = await liveSchema(client);
      for (const projection of options.projections) await ensureProjectionStatus(client, projection.name);
      await createRebuildTables(client, options.projections, live);
      const replay = new Replay(options, live);
      await replay.toEnd();
      await swapWhenCaughtUp(options, replay, live);
      return { replayed: replay.replayed, rebuiltThrough: replay.last };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [REBUILD_LOCK]);
    }
  } finally {
    client.release();
  }
}

async function swapWhenCaughtUp(options: RebuildOptions, replay: Replay, live: string): Promise<void> {
  const deadline = Date.now() + (options.catchUpTimeoutMs ?? 30000);
  for (;;) {
    const through = replay.last === undefined ? null : parsePosition(replay.last);
    const swapped = await inTransaction(options.pool, async (tx) => {
      const names = options.projections.map((p) => p.name).sort();
      await tx.query('SELECT projection FROM projection_status WHERE projection = ANY($1) ORDER BY projection FOR UPDATE', [names]);
      if (await anyLiveAhead(tx, names, through)) return false;
      await swapInRebuiltTables(tx, options.projections, live);
      await tx.query(
        'UPDATE projection_status SET rebuilt_through_tx = $2, rebuilt_through_seq = $3, rebuilt_at = now() WHERE projection = ANY($1)',
        [names, through?.tx.toString() ?? null, through?.seq.toString() ?? null],
      );
      return true;
    });
    if (swapped) return;
    if (Date.now() > deadline) throw new Error('live projectors are ahead of what the event store shows; rebuild gave up');
    if ((await replay.toEnd()) === 0) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function anyLiveAhead(tx: PoolClient, names: readonly string[], through: Position | null): Promise<boolean> {
  for (const name of names) {
    const applied = await furthestApplied(tx, name);
    if (applied !== null && (through === null || comparePositions(applied, through) > 0)) return true;
  }
  return false;
}
