/** Milliseconds spent per stage of a rebuild, added up over its pages. */
export type StageTimes = Record<string, number>;

export function timed<T>(stages: StageTimes | undefined, stage: string, work: () => T): T {
  if (!stages) return work();
  const started = performance.now();
  try {
    return work();
  } finally {
    stages[stage] = (stages[stage] ?? 0) + (performance.now() - started);
  }
}

export async function timedAsync<T>(stages: StageTimes | undefined, stage: string, work: () => Promise<T>): Promise<T> {
  if (!stages) return work();
  const started = performance.now();
  try {
    return await work();
  } finally {
    stages[stage] = (stages[stage] ?? 0) + (performance.now() - started);
  }
}
