import type { Pool } from 'pg';
import type { ManualClock } from '@naxio/domain';
import type { LocalSystem } from './local-system';

/**
 * Waits until the system has gone quiet: no event appended for `quietMs`. Every reaction in Naxio
 * appends an event, so a quiet store means every consumer has done what this step asked of it.
 */
export async function settle(pool: Pool, quietMs = 1500, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  let since = Date.now();
  while (Date.now() < deadline) {
    const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
    const count = rows[0]!.n;
    if (count !== last) {
      last = count;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the system did not settle within ${timeoutMs} ms`);
}

const WEEK_AND_A_DAY_MS = 8 * 24 * 3600_000;

/**
 * Runs the follow-up scheduler through the next eight days, jumping its clock from one due timer to
 * the next, as a scheduler that ticks every second would meet them: quiet hours, spacing and all.
 */
export async function simulateFollowUps(system: LocalSystem, clock: ManualClock): Promise<void> {
  const end = clock.now().getTime() + WEEK_AND_A_DAY_MS;
  for (let pass = 0; pass < 100; pass++) {
    const { rows } = await system.pool.query<{ next: Date | null }>('SELECT min(due_at) AS next FROM follow_up_timers');
    const next = rows[0]?.next;
    if (!next || next.getTime() > end) return;
    clock.set(new Date(Math.max(next.getTime(), clock.now().getTime()) + 1000));
    await system.scheduler.tick();
    await settle(system.pool, 600);
  }
}
