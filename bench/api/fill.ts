import type { Pool } from 'pg';
import { parseTenants, saveTenants } from '@naxio/infra';

export const BENCH_TENANT = 'bench';

const LEADS = `SELECT 'lead-bench-' || g AS lead_id, g, t
  FROM generate_series(1, $1) g, LATERAL (SELECT timestamptz '2026-01-01' + (g % 330) * interval '1 day' + (g % 86400) * interval '1 second' AS t) x`;

/**
 * The read models as the projections would leave them for one tenant with `leads` leads over 330
 * days: lead_summary, a funnel row per day and stage, and (with `withLatency`) text_back_latency.
 * Rows go in in the order the leads opened, as the projections write them, so a page of recent
 * leads sits on few pages of the table. Then the tables are vacuumed and the server checkpointed:
 * neither autovacuum nor the fill's dirty pages may land in the measured window.
 */
export async function fillReadModels(pool: Pool, leads: number, withLatency: boolean): Promise<void> {
  await saveTenants(pool, parseTenants([{ id: BENCH_TENANT, company: 'Bench HVAC', trade: 'hvac', phoneNumbers: ['+15125550100'], ownerPhone: '+15125550199', timezone: 'America/Chicago', businessHours: {} }]));
  await pool.query(
    `INSERT INTO lead_summary (lead_id, tenant_id, caller_phone, urgency, service_type, opened_at, missed_at, first_text_at, replied_at, call_count, last_activity_at)
     SELECT lead_id, $2, '+1512555' || lpad((g % 10000)::text, 4, '0'), (ARRAY['emergency','scheduled','inquiry'])[1 + g % 3], 'hvac',
            t, t, t + (1000 + g::bigint * 7919 % 4000) * interval '1 millisecond', CASE WHEN g % 3 = 0 THEN t + interval '5 minutes' END, 1, t
       FROM (${LEADS}) l ORDER BY t`,
    [leads, BENCH_TENANT],
  );
  // Off by default so that figures compare with earlier runs, which left this table empty.
  if (withLatency) {
    await pool.query(
      `INSERT INTO text_back_latency (lead_id, tenant_id, day, missed_at, texted_at)
       SELECT lead_id, tenant_id, (missed_at AT TIME ZONE 'America/Chicago')::date, missed_at, first_text_at
         FROM lead_summary WHERE tenant_id = $1 ORDER BY opened_at`,
      [BENCH_TENANT],
    );
  }
  await pool.query(
    `INSERT INTO daily_funnel (tenant_id, day, trade, stage, leads)
     SELECT $1, date '2026-01-01' + d, 'hvac', s, 3000 FROM generate_series(0, 329) d, unnest(ARRAY['missed','texted','replied','qualified','escalated','booked','synced']) s`,
    [BENCH_TENANT],
  );
  await pool.query('VACUUM (ANALYZE) lead_summary, text_back_latency, daily_funnel, api_keys, tenants');
  // Needs a superuser or pg_checkpoint; without either the run goes on and may see the fill's writes.
  await pool.query('CHECKPOINT').catch(() => undefined);
}
