/** Nearest-rank percentile of already sorted numbers (p in 0..100); NaN for an empty list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Rounds for printing: figures carry noise far above the third decimal. */
export const round = (value: number, decimals = 1): number => {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
};

export type Distribution = { n: number; p50: number; p95: number; p99: number; max: number; mean: number };

export function distribution(values: readonly number[], decimals = 1): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, v) => sum + v, 0) / Math.max(1, sorted.length);
  const at = (p: number) => round(percentile(sorted, p), decimals);
  return { n: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: round(sorted.at(-1) ?? Number.NaN, decimals), mean: round(mean, decimals) };
}

export const formatDistribution = (d: Distribution, unit = 'ms'): string =>
  `p50 ${d.p50} ${unit}  p95 ${d.p95} ${unit}  p99 ${d.p99} ${unit}  max ${d.max} ${unit}  (n ${d.n})`;
