import type { Pool, PoolClient } from 'pg';

/** The statements an append sends, named by what each does (the first pattern that matches). */
const STATEMENTS: Array<[pattern: RegExp, name: string]> = [
  [/^BEGIN/, 'BEGIN'],
  [/^INSERT INTO streams .* DO UPDATE/s, 'upsert and lock stream head'],
  [/^INSERT INTO streams/, 'insert stream row'],
  [/^SELECT version/, 'lock stream (FOR UPDATE)'],
  [/^SELECT \* FROM events WHERE event_id/, 'look up ids (dedupe)'],
  [/^WITH inserted AS/, 'insert events + move head (+ notify)'],
  [/^INSERT INTO events/, 'insert events'],
  [/^UPDATE streams/, 'update stream head'],
  [/^SELECT pg_notify/, 'pg_notify'],
  [/^COMMIT/, 'COMMIT'],
];

const nameOf = (sql: string) => STATEMENTS.find(([pattern]) => pattern.test(sql))?.[1] ?? sql.slice(0, 30);

export type SqlTimes = Map<string, { count: number; totalMs: number }>;

/**
 * The same pool, with every query timed from the client's side (a round trip: network, parse, plan,
 * execute, and for COMMIT the WAL flush). What an append spends outside these is JavaScript.
 */
export function timedPool(pool: Pool): { pool: Pool; times: SqlTimes } {
  const times: SqlTimes = new Map();
  const record = (sql: string, ms: number) => {
    const entry = times.get(nameOf(sql)) ?? { count: 0, totalMs: 0 };
    entry.count += 1;
    entry.totalMs += ms;
    times.set(nameOf(sql), entry);
  };
  const timedClient = (client: PoolClient): PoolClient =>
    new Proxy(client, {
      get(target, key, receiver) {
        if (key !== 'query') return Reflect.get(target, key, receiver);
        return (sql: string, values?: unknown[]) => timedQuery(() => target.query(sql, values), sql);
      },
    });
  const timedQuery = async (run: () => Promise<unknown>, sql: string) => {
    const began = performance.now();
    try {
      return await run();
    } finally {
      record(sql, performance.now() - began);
    }
  };
  const proxied = new Proxy(pool, {
    get(target, key, receiver) {
      if (key === 'connect') return async () => timedClient(await target.connect());
      // pool.query checks a client out through connect(callback); time it here instead of proxying that.
      if (key === 'query') return (sql: string, values?: unknown[]) => timedQuery(() => target.query(sql, values), sql);
      return Reflect.get(target, key, receiver);
    },
  });
  return { pool: proxied, times };
}
