import { readFileSync } from 'node:fs';
import type { Pool } from 'pg';

/** CPU seconds each server process has used, by process id. */
export type ServerCpu = Map<number, number>;

// /proc/<pid>/stat counts in clock ticks, 100 a second on Linux.
const TICKS_PER_SECOND = 100;

function cpuSecondsOf(pid: number): number | undefined {
  try {
    // Fields after the command name (which may hold spaces, so split after its closing parenthesis).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/**
 * The CPU used so far by the server processes serving `pool`'s database: on a shared 2-core machine
 * wall time alone cannot tell PostgreSQL's share of the work from Node's. Only for a server on this
 * machine (its processes in /proc); an empty map otherwise.
 */
export async function serverCpu(pool: Pool): Promise<ServerCpu> {
  const { rows } = await pool.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
  const used = new Map<number, number>();
  for (const { pid } of rows) {
    const seconds = cpuSecondsOf(pid);
    if (seconds !== undefined) used.set(pid, seconds);
  }
  return used;
}

/** CPU seconds used between two readings; a process that ended in between is not counted. */
export function cpuBetween(before: ServerCpu, after: ServerCpu, only?: ReadonlySet<number>): number {
  let seconds = 0;
  for (const [pid, total] of after) if (!only || only.has(pid)) seconds += total - (before.get(pid) ?? 0);
  return seconds;
}

/** The server process id behind a pool of one connection. */
export async function backendPid(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  return rows[0]!.pid;
}
