import type { Pool } from 'pg';
import type { DateRange } from '../dates';

/** Upper bounds of the histogram's buckets; the last bucket is everything from 5 minutes up. */
export const LATENCY_BUCKETS_MS = [1000, 2000, 5000, 10000, 30000, 60000, 300000] as const;

export type LatencyReport = {
  leads: number;
  texted: number;
  untexted: number;
  p50Ms: number | null;
  p90Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  histogram: Array<{ fromMs: number; toMs: number | null; leads: number }>;
};

type Summary = { leads: number; texted: number; p50: number | null; p90: number | null; p99: number | null; max: number | null };

/**
 * Text-back latency over the missed-call leads of the tenant's days `from`…`to`. Percentiles are
 * observed values (percentile_disc), never interpolated; leads never texted count in `untexted`.
 */
export async function latencyBetween(pool: Pool, tenantId: string, range: DateRange): Promise<LatencyReport> {
  const where = 'tenant_id = $1 AND day BETWEEN $2::date AND $3::date';
  const params = [tenantId, range.from, range.to];
  const summary = await pool.query<Summary>(
    `SELECT count(*)::int AS leads, count(texted_at)::int AS texted,
            percentile_disc(0.5) WITHIN GROUP (ORDER BY latency_ms) AS p50,
            percentile_disc(0.9) WITHIN GROUP (ORDER BY latency_ms) AS p90,
            percentile_disc(0.99) WITHIN GROUP (ORDER BY latency_ms) AS p99,
            max(latency_ms) AS max
       FROM text_back_latency WHERE ${where}`,
    params,
  );
  const buckets = await pool.query<{ bucket: number; leads: number }>(
    `SELECT width_bucket(latency_ms, $4::bigint[]) AS bucket, count(*)::int AS leads
       FROM text_back_latency WHERE ${where} AND latency_ms IS NOT NULL GROUP BY 1`,
    [...params, LATENCY_BUCKETS_MS],
  );
  const s = summary.rows[0]!;
  const edges = [0, ...LATENCY_BUCKETS_MS];
  const histogram = edges.map((fromMs, i) => ({
    fromMs,
    toMs: LATENCY_BUCKETS_MS[i] ?? null,
    leads: buckets.rows.find((b) => b.bucket === i)?.leads ?? 0,
  }));
  return { leads: s.leads, texted: s.texted, untexted: s.leads - s.texted, p50Ms: s.p50, p90Ms: s.p90, p99Ms: s.p99, maxMs: s.max, histogram };
}
