import pg from 'pg';

const EVERY_MS = 200;

/**
 * Samples, five times a second, what the database's sessions are waiting on (pg_stat_activity):
 * Lock, IO (WAL flush), Client (us)…
 */
export async function sampleDatabaseWaits(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const waits = new Map<string, number>();
  let samples = 0;
  let busy = false;
  // A lost sampling connection costs the sample, not the storm's figures (an unhandled rejection here did).
  let lost: string | undefined;
  client.on('error', (error) => (lost ??= error.message));
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const { rows } = await client.query<{ wait: string; n: number }>(
        `SELECT coalesce(wait_event_type || ':' || wait_event, 'running') AS wait, count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' GROUP BY 1`,
      );
      samples += 1;
      for (const { wait, n } of rows) waits.set(wait, (waits.get(wait) ?? 0) + n);
    } catch (error) {
      lost ??= (error as Error).message;
      clearInterval(timer);
    } finally {
      busy = false;
    }
  }, EVERY_MS);
  return {
    async stop() {
      clearInterval(timer);
      await client.end().catch(() => undefined);
      const activeSessions = Object.fromEntries([...waits].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([wait, n]) => [wait, Math.round((n / Math.max(1, samples)) * 100) / 100]));
      return { activeSessionsBySampleMean: activeSessions, samples, ...(lost ? { samplingStopped: lost } : {}) };
    },
  };
}

/** A statement's kind for counting: its first words, whitespace folded. */
const kindOf = (sql: unknown) => (typeof sql === 'string' ? sql : ((sql as { text?: string })?.text ?? '?')).replace(/\s+/g, ' ').trim().slice(0, 48);

/**
 * Counts every statement any pg client in this process sends (the ingress, relay, consumers,
 * projections, scheduler), by kind: on loopback each one also costs the sender a socket write.
 */
export function countQueries(): { stop(): { total: number; byKind: Map<string, number> } } {
  const original = pg.Client.prototype.query;
  const byKind = new Map<string, number>();
  let total = 0;
  pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
    total += 1;
    const kind = kindOf(args[0]);
    byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  return {
    stop() {
      pg.Client.prototype.query = original;
      return { total, byKind };
    },
  };
}
