import { dailyFunnel } from './daily-funnel/daily-funnel';
import { leadSummary } from './lead-summary/lead-summary';
import type { Projection } from './projection';
import { textBackLatency } from './text-back-latency/text-back-latency';

/** Every read model, in the order they are started and rebuilt. */
export const allProjections: readonly Projection[] = [leadSummary, dailyFunnel, textBackLatency];

export class UnknownProjection extends Error {
  readonly code = 'unknown_projection';
  constructor(readonly projectionName: string) {
    super(`no projection named "${projectionName}" (known: ${allProjections.map((p) => p.name).join(', ')})`);
    this.name = 'UnknownProjection';
  }
}

/** The projections with these names, or all of them when none is named. */
export function projectionsNamed(names: readonly string[]): Projection[] {
  if (names.length === 0) return [...allProjections];
  return names.map((name) => {
    const found = allProjections.find((p) => p.name === name);
    if (!found) throw new UnknownProjection(name);
    return found;
  });
}
