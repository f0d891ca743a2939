import pg from 'pg';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/naxio';

// bigint columns (versions, positions) come back as strings by default; ours stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** Connections per process: DATABASE_POOL_SIZE, else 10. */
export function createPool(connectionString = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, max = Number(process.env.DATABASE_POOL_SIZE ?? 10)): pg.Pool {
  const pool = new pg.Pool({ connectionString, max });
  // A client that loses its server (a restart) must not crash the process, idle or checked out: the
  // query in flight fails (and is retried by its caller), the pool drops the client, the next connects.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/** A connection to the `postgres` database of the same server, and the name the URL points at. */
async function adminFor(connectionString: string): Promise<{ admin: pg.Client; name: string }> {
  const url = new URL(connectionString);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  return { admin, name };
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Creates the database named in the URL when it is missing (the demo and tests start from nothing). */
export async function ensureDatabase(connectionString: string): Promise<void> {
  const { admin, name } = await adminFor(connectionString);
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${quoted(name)}`);
  } catch (error) {
    // Two processes creating the same database at once: the loser sees duplicate_database.
    if ((error as { code?: string }).code !== '42P04') throw error;
  } finally {
    await admin.end();
  }
}

/** Drops the database named in the URL, closing its connections first (a demo run starts clean). */
export async function dropDatabase(connectionString: string): Promise<void> {
  const { admin, name } = await adminFor(connectionString);
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
