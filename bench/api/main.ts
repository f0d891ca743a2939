import { buildAnalytics, createApiKey } from '@naxio/analytics';
import { systemClock } from '@naxio/domain';
import { parseTenants, PostgresEventStore, saveTenants } from '@naxio/infra';
import { numberOption } from '../lib/cli';
import { openBenchDatabase } from '../lib/database';
import { printJsonLine } from '../lib/json-line';
import { openLoop } from '../lib/open-loop';
import { peakRssMb } from '../lib/process-figures';
import { distribution, formatDistribution } from '../lib/stats';

// `npx tsx bench/api/main.ts [--leads N] [--rate R] [--seconds S]`: the analytics API over N leads
// (read models filled directly, as the projections would leave them), at R requests/s, open loop,
// over real HTTP on loopback. Target: p99 under 20 ms at 200 requests/s over 1,000,000 leads.
const leads = numberOption('--leads', 1_000_000, { min: 1_000, max: 5_000_000 });
const rate = numberOption('--rate', 200, { min: 1, max: 5_000 });
const seconds = numberOption('--seconds', 15, { min: 1, max: 120 });

async function fill(pool: import('pg').Pool) {
  await saveTenants(pool, parseTenants([{ id: 'bench', company: 'Bench HVAC', trade: 'hvac', phoneNumbers: ['+15125550100'], ownerPhone: '+15125550199', timezone: 'America/Chicago', businessHours: {} }]));
  await pool.query(
    `INSERT INTO lead_summary (lead_id, tenant_id, caller_phone, urgency, service_type, opened_at, missed_at, first_text_at, replied_at, call_count, last_activity_at)
     SELECT 'lead-bench-' || g, 'bench', '+1512555' || lpad((g % 10000)::text, 4, '0'),
            (ARRAY['emergency','scheduled','inquiry'])[1 + g % 3], 'hvac',
            t, t, t + interval '2 seconds', CASE WHEN g % 3 = 0 THEN t + interval '5 minutes' END, 1, t
       FROM generate_series(1, $1) g, LATERAL (SELECT timestamptz '2026-01-01' + (g % 330) * interval '1 day' + (g % 86400) * interval '1 second' AS t) x`,
    [leads],
  );
  await pool.query(
    `INSERT INTO daily_funnel (tenant_id, day, trade, stage, leads)
     SELECT 'bench', date '2026-01-01' + d, 'hvac', s, 3000 FROM generate_series(0, 329) d, unnest(ARRAY['missed','texted','replied','qualified','escalated','booked','synced']) s`,
  );
  await pool.query('ANALYZE');
}

async function main() {
  const db = await openBenchDatabase('api', 10);
  const api = await buildAnalytics({ pool: db.pool, store: new PostgresEventStore(db.pool), clock: systemClock });
  try {
    const loaded = Date.now();
    await fill(db.pool);
    console.log(`filled ${leads} leads in ${((Date.now() - loaded) / 1000).toFixed(1)} s`);
    const { key } = await createApiKey(db.pool, 'bench', 'bench');
    const base = await api.listen({ port: 0, host: '127.0.0.1' });
    const routes = [
      '/v1/leads?limit=50',
      '/v1/leads?status=replied&limit=50',
      '/v1/recovery?from=2026-06-01&to=2026-06-30&groupBy=week',
      '/v1/latency?from=2026-06-01&to=2026-06-30',
      '/v1/leads/lead-bench-4242',
    ];
    const timings: number[] = [];
    const byRoute = new Map<string, number[]>();
    let failures = 0;
    await openLoop(rate * seconds, rate, async (i) => {
      const started = performance.now();
      const response = await fetch(`${base}${routes[i % routes.length]}`, { headers: { authorization: `Bearer ${key}` } });
      await response.arrayBuffer();
      if (response.status !== 200) failures += 1;
      const took = performance.now() - started;
      timings.push(took);
      const route = routes[i % routes.length]!;
      byRoute.set(route, [...(byRoute.get(route) ?? []), took]);
    });
    for (const [route, xs] of byRoute) console.log(`  ${route.padEnd(58)} ${formatDistribution(distribution(xs.sort((a, b) => a - b), 2))}`);
    const d = distribution(timings.sort((a, b) => a - b), 2);
    console.log(`${timings.length} requests at ${rate}/s over ${leads} leads: ${formatDistribution(d)}; ${failures} not 200; peak RSS ${peakRssMb()} MB`);
    printJsonLine({ leads, rate, requests: timings.length, failures, p50Ms: d.p50, p99Ms: d.p99, maxMs: d.max, peakRssMb: peakRssMb() });
  } finally {
    await api.close();
    await db.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
