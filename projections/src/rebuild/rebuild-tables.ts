import type { PoolClient } from 'pg';
import type { Projection } from '../projection';

/** Fresh copies of read-model tables are filled here, under the same names, then moved into place. */
export const REBUILD_SCHEMA = 'naxio_rebuild';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not a plain SQL identifier: "${name}"`);
  return name;
}

/** The schema live read models are in (where migrations created them). */
export async function liveSchema(client: PoolClient): Promise<string> {
  const { rows } = await client.query<{ schema: string }>('SELECT current_schema() AS schema');
  return identifier(rows[0]!.schema);
}

/** Empty copies of every table (columns, defaults, generated columns, indexes, constraints). */
export async function createRebuildTables(client: PoolClient, projections: readonly Projection[], live: string): Promise<void> {
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${REBUILD_SCHEMA}`);
  for (const table of projections.flatMap((p) => p.tables.map(identifier))) {
    await client.query(`DROP TABLE IF EXISTS ${REBUILD_SCHEMA}.${table}`);
    await client.query(`CREATE TABLE ${REBUILD_SCHEMA}.${table} (LIKE ${live}.${table} INCLUDING ALL)`);
  }
}

/**
 * Inside a transaction: unqualified table names now mean the fresh copies; everything else is live.
 * Its commit does not wait for the disk: nothing reads the copies before the swap, whose own commit
 * flushes everything before it, and a crash leaves a rebuild that starts over anyway.
 */
export async function writeToRebuildTables(tx: PoolClient, live: string): Promise<void> {
  await tx.query(`SET LOCAL search_path TO ${REBUILD_SCHEMA}, ${live}; SET LOCAL synchronous_commit TO off`);
}

/** Inside the swap transaction: the live tables go, the fresh copies take their place and names. */
export async function swapInRebuiltTables(tx: PoolClient, projections: readonly Projection[], live: string): Promise<void> {
  for (const table of projections.flatMap((p) => p.tables.map(identifier))) {
    await tx.query(`DROP TABLE ${live}.${table}`);
    await tx.query(`ALTER TABLE ${REBUILD_SCHEMA}.${table} SET SCHEMA ${live}`);
  }
}
