import type { AppName } from '../support/app-processes';
import type { ChaosSystem } from './chaos-system';

export type ChaosStep = { atMs: number; what: `kill -9 ${AppName}` | 'restart kafka' | 'restart postgres' };
export type ChaosSchedule = { seed: number; steps: ChaosStep[] };

/** mulberry32: a seeded generator, so a failing run can be replayed with CHAOS_SEED. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One SIGKILL per app at a random moment of the window, one broker restart in its first half and one
 * PostgreSQL restart in its second, so the two restarts do not hide each other.
 */
export function chaosSchedule(apps: AppName[], window: { fromMs: number; toMs: number }, seed = Number(process.env.CHAOS_SEED ?? Date.now() % 1_000_000)): ChaosSchedule {
  const random = seeded(seed);
  const between = (from: number, to: number) => Math.round(from + random() * (to - from));
  const middle = (window.fromMs + window.toMs) / 2;
  const steps: ChaosStep[] = [
    ...apps.map((app): ChaosStep => ({ atMs: between(window.fromMs, window.toMs), what: `kill -9 ${app}` })),
    { atMs: between(window.fromMs, middle - 10_000), what: 'restart kafka' },
    { atMs: between(middle, window.toMs), what: 'restart postgres' },
  ];
  return { seed, steps: steps.sort((a, b) => a.atMs - b.atMs) };
}

/** Plays the schedule against the running system; restarts run alongside the kills. */
export async function runSchedule(schedule: ChaosSchedule, system: ChaosSystem): Promise<void> {
  const started = Date.now();
  const restarts: Array<Promise<void>> = [];
  for (const step of schedule.steps) {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + step.atMs - Date.now())));
    if (step.what === 'restart kafka') restarts.push(system.kafka.restart());
    else if (step.what === 'restart postgres') restarts.push(system.postgres.restart());
    else system.apps.kill9(step.what.slice('kill -9 '.length) as AppName);
  }
  await Promise.all(restarts);
}
