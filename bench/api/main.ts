import { buildAnalytics, createApiKey } from '@naxio/analytics';
import { systemClock } from '@naxio/domain';
import { PostgresEventStore } from '@naxio/infra';
import { flagOption, numberOption } from '../lib/cli';
import { openBenchDatabase } from '../lib/database';
import { printJsonLine } from '../lib/json-line';
import { generateLoad, type LoadReport } from '../lib/load-generator';
import { loadAverage, peakRssMb } from '../lib/process-figures';
import { distribution, formatDistribution } from '../lib/stats';
import { BENCH_TENANT, fillReadModels } from './fill';
import { probeServer, type ServerFigures } from './server-probes';

// `npx tsx bench/api/main.ts [--leads N] [--rate R] [--seconds S] [--with-latency]`: the analytics API
// over N leads of one tenant (read models filled directly, as the projections would leave them), at
// R requests/s, open loop, over real HTTP on loopback. The load comes from a child process, so its
// event loop and garbage collector are not the server's. `--with-latency` also fills
// text_back_latency, which /v1/latency reads. Target: p99 under 20 ms at 200 requests/s over 1,000,000 leads.
const leads = numberOption('--leads', 1_000_000, { min: 1_000, max: 5_000_000 });
const rate = numberOption('--rate', 200, { min: 1, max: 5_000 });
const seconds = numberOption('--seconds', 15, { min: 1, max: 120 });
const withLatency = flagOption('--with-latency');
const TARGET_P99_MS = 20;
/** Opens the pool's connections and warms the caches and the JIT; its figures are not kept. */
const WARM_UP_SECONDS = 2;

const ROUTES = [
  '/v1/leads?limit=50',
  '/v1/leads?status=replied&limit=50',
  '/v1/recovery?from=2026-06-01&to=2026-06-30&groupBy=week',
  '/v1/latency?from=2026-06-01&to=2026-06-30',
  '/v1/leads/lead-bench-4242',
];

function printFigures(load: LoadReport, server: ServerFigures) {
  for (const [r, route] of ROUTES.entries()) {
    const client = distribution([...load.latencyMs].filter((_, i) => i % ROUTES.length === r), 2);
    const own = server.serverMsByPath.get(route);
    console.log(`  ${route.padEnd(58)} p50 ${client.p50} ms  p99 ${client.p99} ms   (server's own: p50 ${own?.p50} ms  p99 ${own?.p99} ms)`);
  }
  console.log(`  server's own time   ${formatDistribution(server.serverMs)}`);
  console.log(`  pool.query          ${formatDistribution(server.queryMs)}; ${server.queriesThatWaitedForConnection} waited for a connection`);
  console.log(`  GC                  ${server.gc.pauses} pauses, ${server.gc.totalMs} ms in all, longest ${server.gc.maxMs} ms; ${server.gc.slowRequestsDuringGc} of ${server.gc.slowRequests} requests over ${TARGET_P99_MS} ms overlapped one`);
  console.log(`  server process      ${server.cpuCores} cores; event loop delay p50 ${server.loopDelay.p50Ms} ms  p99 ${server.loopDelay.p99Ms} ms  max ${server.loopDelay.maxMs} ms (10 ms timer: idle reads 10)`);
  console.log(`  machine             some task waited for a core ${server.machineCpuPressure === undefined ? '(unknown)' : `${Math.round(server.machineCpuPressure * 100)}% of the run`}`);
  console.log(`  generator           ${load.generator.cpuCores} cores, send lag ${formatDistribution(distribution([...load.lagMs], 2))}`);
}

async function main() {
  const db = await openBenchDatabase('api', 10);
  const api = await buildAnalytics({ pool: db.pool, store: new PostgresEventStore(db.pool), clock: systemClock });
  try {
    const loaded = Date.now();
    await fillReadModels(db.pool, leads, withLatency);
    console.log(`filled ${leads} leads in ${((Date.now() - loaded) / 1000).toFixed(1)} s; text_back_latency ${withLatency ? 'filled' : 'left empty (--with-latency fills it)'}`);
    const { key } = await createApiKey(db.pool, BENCH_TENANT, 'bench');
    const baseUrl = await api.listen({ port: 0, host: '127.0.0.1' });
    const requests = ROUTES.map((path) => ({ method: 'GET', path, headers: { authorization: `Bearer ${key}` } }));
    await generateLoad({ baseUrl, requests, ratePerSecond: rate, count: rate * WARM_UP_SECONDS });

    const probes = probeServer(api.server, db.pool, TARGET_P99_MS);
    const load = await generateLoad({ baseUrl, requests, ratePerSecond: rate, count: rate * seconds });
    const server = probes.stop();
    printFigures(load, server);

    const d = distribution([...load.latencyMs], 2);
    const failures = load.status.filter((s) => s !== 200).length;
    const serverRssMb = peakRssMb();
    console.log(`${load.status.length} requests at ${rate}/s over ${leads} leads: ${formatDistribution(d)}; ${failures} not 200${load.firstError ? ` (${load.firstError})` : ''}`);
    console.log(`peak RSS: server ${serverRssMb} MB, generator ${load.generator.peakRssMb} MB; load average ${loadAverage()}`);
    printJsonLine({
      leads, rate, withLatency, requests: d.n, failures,
      p50Ms: d.p50, p95Ms: d.p95, p99Ms: d.p99, maxMs: d.max, serverP99Ms: server.serverMs.p99,
      serverPeakRssMb: serverRssMb, generatorPeakRssMb: load.generator.peakRssMb, generatorCpuCores: load.generator.cpuCores, loadAverage: loadAverage(), machineCpuPressure: server.machineCpuPressure,
    });
  } finally {
    await api.close();
    await db.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
