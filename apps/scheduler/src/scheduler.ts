import { claimDueTimers } from './timer-index';
import { fireTimer, type SchedulerDeps } from './fire-timer';

export type SchedulerOptions = { intervalMs?: number; batchSize?: number; leaseMs?: number };

export type Scheduler = {
  /** One pass over what is due now; returns how many timers it handled. */
  tick(): Promise<number>;
  stop(): Promise<void>;
};

/**
 * Polls for due timers on the injected clock. Any number of schedulers may run: each claims its own
 * timers, and a timer whose scheduler died is taken over when its lease runs out.
 */
export function startScheduler(deps: SchedulerDeps, options: SchedulerOptions = {}): Scheduler {
  const { intervalMs = 1000, batchSize = 100, leaseMs = 60_000 } = options;
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();

  async function tick(): Promise<number> {
    const now = deps.clock.now();
    const timers = await claimDueTimers(deps.pool, now, batchSize, leaseMs);
    for (const timer of timers) {
      try {
        await fireTimer(deps, timer, now);
      } catch (error) {
        // Left claimed: the lease runs out and a later pass tries again.
        deps.log?.(`scheduler: follow-up ${timer.step} of ${timer.leadId} failed: ${String(error)}`);
      }
    }
    return timers.length;
  }

  const loop = async () => {
    while (!stopped) {
      running = tick().catch((error) => deps.log?.(`scheduler: pass failed: ${String(error)}`));
      await running;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  };
  const looping = intervalMs > 0 ? loop() : Promise.resolve();

  return {
    tick,
    async stop() {
      stopped = true;
      await running;
      await looping;
    },
  };
}
