import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export type OwnPostgres = { url: (database: string) => string; restart(): Promise<void>; stop(): void };

/**
 * A PostgreSQL server of the chaos spec's own, in a temporary directory on its own port, so it can
 * be crashed and restarted without touching the server every other spec shares. PostgreSQL refuses
 * to run as root, so as root the server runs as the `postgres` user.
 */
export function startOwnPostgres(port: number): OwnPostgres {
  const dir = mkdtempSync(join(tmpdir(), 'naxio-chaos-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const command = (name: string, args: string[]): [string, string[]] =>
    process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, name), ...args]] : [join(PG_BIN, name), args];
  const startArgs = ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300`, 'start'];
  const stopArgs = ['-D', data, '-m', 'immediate', '-w', 'stop'];
  const now = (name: string, args: string[]) => execFileSync(...command(name, args), { stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 });
  // Restarts run while the sandboxes must keep answering: asynchronously.
  const later = (name: string, args: string[]) => promisify(execFile)(...command(name, args), { timeout: 60_000 });
  now('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync']);
  now('pg_ctl', startArgs);
  return {
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    // "immediate" is a crash as far as clients and recovery are concerned: no checkpoint, every
    // connection dropped, WAL replayed on the way back up.
    async restart() {
      await later('pg_ctl', stopArgs);
      await later('pg_ctl', startArgs);
    },
    stop() {
      try {
        now('pg_ctl', stopArgs);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
