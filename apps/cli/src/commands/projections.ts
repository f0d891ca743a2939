import type { Pool } from 'pg';
import { createPool, migrate, PostgresLeadKeyStore, runtimeEnv } from '@naxio/infra';
import { allProjections, postgresHistory, projectionsNamed, rebuildProjections, UnknownProjection } from '@naxio/projections';
import type { Command } from '../command';

const USAGE = `usage: naxio projections rebuild [NAME…]   rebuild read models from the event store (all when none is named)
       naxio projections status            where each read model stands
read models: ${allProjections.map((p) => p.name).join(', ')}`;

const BAR_WIDTH = 30;

/** A one-line progress bar with the replay rate, redrawn at most ten times a second on stderr. */
function progressBar(total: number, out: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  let drawnAt = 0;
  const draw = (replayed: number) => {
    const of = Math.max(total, replayed);
    const ratio = of === 0 ? 1 : replayed / of;
    const filled = Math.round(ratio * BAR_WIDTH);
    const rate = Math.round(replayed / Math.max((Date.now() - started) / 1000, 0.001));
    out.write(`\r[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}%  ${replayed}/${of} events  ${rate} events/s`);
  };
  return {
    update(replayed: number) {
      if (Date.now() - drawnAt < 100) return;
      drawnAt = Date.now();
      draw(replayed);
    },
    done(replayed: number) {
      draw(replayed);
      out.write('\n');
    },
  };
}

// A rebuild holds its lock on one connection, reads ahead on another and writes each read model on its own.
const POOL_SIZE = 2 + allProjections.length;

async function withPool<T>(work: (pool: Pool) => Promise<T>): Promise<T> {
  const pool = createPool(runtimeEnv().databaseUrl, POOL_SIZE);
  try {
    await migrate(pool);
    return await work(pool);
  } finally {
    await pool.end();
  }
}

async function rebuild(names: string[]): Promise<number> {
  let projections;
  try {
    projections = projectionsNamed(names);
  } catch (error) {
    if (!(error instanceof UnknownProjection)) throw error;
    console.error(error.message);
    return 2;
  }
  return withPool(async (pool) => {
    // The total is what the store holds now; events appended during the rebuild are replayed too.
    const { rows } = await pool.query<{ total: number }>('SELECT count(*)::bigint AS total FROM events');
    const bar = progressBar(rows[0]?.total ?? 0);
    const started = Date.now();
    const keys = new PostgresLeadKeyStore(pool);
    const result = await rebuildProjections({ pool, store: postgresHistory(pool), keys, projections, onProgress: (p) => bar.update(p.replayed) });
    bar.done(result.replayed);
    const through = result.rebuiltThrough ? ` through position ${result.rebuiltThrough}` : '';
    console.log(`rebuilt ${projections.map((p) => p.name).join(', ')} from ${result.replayed} events${through} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  });
}

type StatusRow = { projection: string; rebuilt_through: string | null; rebuilt_at: Date | null; partitions: number; last_applied: string | null };

async function status(): Promise<number> {
  return withPool(async (pool) => {
    const { rows } = await pool.query<StatusRow>(
      `SELECT s.projection, s.rebuilt_through_tx || ':' || s.rebuilt_through_seq AS rebuilt_through, s.rebuilt_at,
              count(o.partition)::int AS partitions,
              (array_agg(o.position_tx || ':' || o.position_seq ORDER BY o.position_tx DESC, o.position_seq DESC)
                 FILTER (WHERE o.position_tx IS NOT NULL))[1] AS last_applied
         FROM projection_status s LEFT JOIN projection_offsets o USING (projection)
        GROUP BY s.projection, s.rebuilt_through_tx, s.rebuilt_through_seq, s.rebuilt_at ORDER BY s.projection`,
    );
    for (const p of allProjections) {
      const row = rows.find((r) => r.projection === p.name);
      const rebuilt = row?.rebuilt_at ? `rebuilt ${row.rebuilt_at.toISOString()} through ${row.rebuilt_through ?? 'nothing'}` : 'never rebuilt';
      const live = row && row.partitions > 0 ? `${row.partitions} partitions, last applied ${row.last_applied ?? 'nothing'}` : 'never consumed';
      console.log(`${p.name.padEnd(18)} ${live}; ${rebuilt}; tables ${p.tables.join(', ')}`);
    }
    return 0;
  });
}

export const command: Command = {
  name: 'projections',
  summary: 'rebuild read models from the event store, or show where each stands',
  async run(args) {
    const [sub, ...rest] = args;
    if (sub === 'rebuild') return rebuild(rest);
    if (sub === 'status' && rest.length === 0) return status();
    console.error(USAGE);
    return 2;
  },
};
