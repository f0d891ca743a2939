import type { Pool } from 'pg';
import { type FunnelStage, funnelStages } from '@naxio/projections';
import type { DateRange } from '../dates';

export const groupings = ['day', 'week', 'trade'] as const;
export type GroupBy = (typeof groupings)[number];

export type FunnelCounts = Record<FunnelStage, number> & { recoveryRate: number | null };
export type FunnelGroup = FunnelCounts & { key: string };

// Weeks start on Monday (ISO); the key is the Monday's date.
const groupKey: Record<GroupBy, string> = {
  day: `to_char(day, 'YYYY-MM-DD')`,
  week: `to_char(date_trunc('week', day), 'YYYY-MM-DD')`,
  trade: 'trade',
};

const emptyCounts = (): Record<FunnelStage, number> => Object.fromEntries(funnelStages.map((s) => [s, 0])) as Record<FunnelStage, number>;

/** Recovered means booked: a text that went out is not a recovery, and unanswered leads stay in the denominator. */
const withRate = (counts: Record<FunnelStage, number>): FunnelCounts => ({
  ...counts,
  recoveryRate: counts.missed === 0 ? null : Math.round((counts.booked / counts.missed) * 10000) / 10000,
});

/** The funnel over the tenant's days `from`…`to` (inclusive), in total and per group. */
export async function funnelBetween(pool: Pool, tenantId: string, range: DateRange, groupBy: GroupBy): Promise<{ total: FunnelCounts; groups: FunnelGroup[] }> {
  const { rows } = await pool.query<{ key: string; stage: FunnelStage; leads: number }>(
    `SELECT ${groupKey[groupBy]} AS key, stage, sum(leads)::int AS leads
       FROM daily_funnel WHERE tenant_id = $1 AND day BETWEEN $2::date AND $3::date
      GROUP BY 1, 2 ORDER BY 1`,
    [tenantId, range.from, range.to],
  );
  const byKey = new Map<string, Record<FunnelStage, number>>();
  const total = emptyCounts();
  for (const row of rows) {
    const counts = byKey.get(row.key) ?? emptyCounts();
    counts[row.stage] += row.leads;
    total[row.stage] += row.leads;
    byKey.set(row.key, counts);
  }
  const groups = [...byKey].map(([key, counts]) => ({ key, ...withRate(counts) })).filter((g) => funnelStages.some((s) => g[s] !== 0));
  return { total: withRate(total), groups };
}
