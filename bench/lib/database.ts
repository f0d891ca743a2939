import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { createPool, dropDatabase, ensureDatabase, migrate } from '@naxio/infra';

/** A database of its own per run, on the server DATABASE_URL names (default: local PostgreSQL). */
export function benchDatabaseUrl(label: string): string {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/naxio');
  url.pathname = `/naxio_bench_${label}_${randomBytes(4).toString('hex')}`;
  return url.toString();
}

export type BenchDatabase = { url: string; pool: Pool; drop(): Promise<void> };

/** Created and migrated now, dropped by `drop()`: a bench never reads rows it did not write. */
export async function openBenchDatabase(label: string, poolSize: number): Promise<BenchDatabase> {
  const url = benchDatabaseUrl(label);
  await ensureDatabase(url);
  const pool = createPool(url, poolSize);
  await migrate(pool);
  return {
    url,
    pool,
    async drop() {
      await pool.end();
      await dropDatabase(url);
    },
  };
}
