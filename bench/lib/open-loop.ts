import { round } from './stats';

export type OpenLoopRun<T> = {
  results: T[];
  /** How late each send left against its schedule: a generator that lags hides the system's delays. */
  lagMs: number[];
  /** The most requests waiting for an answer at once. */
  peakInFlight: number;
  /** From the first scheduled send to the last one leaving. */
  sendSpanMs: number;
};

/**
 * Open loop: send i leaves at start + i / rate whatever happened to the earlier ones, so a slow
 * answer cannot slow the offered load (a closed loop would, and would under-report latency).
 * Sends that fall due together (timer granularity, a busy loop) leave together.
 */
export async function openLoop<T>(count: number, ratePerSecond: number, send: (index: number) => Promise<T>): Promise<OpenLoopRun<T>> {
  const intervalMs = 1000 / ratePerSecond;
  const pending: Array<Promise<T>> = [];
  const lagMs: number[] = [];
  let inFlight = 0;
  let peakInFlight = 0;
  let next = 0;
  const start = performance.now();
  const fire = (index: number, now: number) => {
    lagMs.push(round(now - (start + index * intervalMs), 2));
    inFlight += 1;
    peakInFlight = Math.max(peakInFlight, inFlight);
    pending.push(send(index).finally(() => void (inFlight -= 1)));
  };
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (next < count && start + next * intervalMs <= now) fire(next++, now);
      if (next >= count) return resolve();
      setTimeout(tick, Math.max(0, start + next * intervalMs - performance.now()));
    };
    tick();
  });
  const sendSpanMs = performance.now() - start;
  return { results: await Promise.all(pending), lagMs, peakInFlight, sendSpanMs };
}
