import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { createPool, dropDatabase, ensureDatabase, migrate } from '@naxio/infra';

export type TestDatabase = { url: string; pool: Pool; close(): Promise<void> };

/** A new, migrated database per spec file, so specs never see each other's rows. */
export async function freshDatabase(label: string): Promise<TestDatabase> {
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
  base.pathname = `/naxio_t_${label.replace(/\W/g, '_').slice(0, 30)}_${randomBytes(4).toString('hex')}`;
  const url = base.toString();
  await ensureDatabase(url);
  const pool = createPool(url);
  await migrate(pool);
  return {
    url,
    pool,
    async close() {
      await pool.end();
      await dropDatabase(url);
    },
  };
}
