import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { leadStreamId, seedTenants } from '@naxio/infra';
import { startTelnyxSandbox } from '@naxio/telnyx-sandbox';
import { AppProcesses, type AppRuntime } from '../../test/support/app-processes';
import { waitUntilAnswering } from '../../test/support/ports';
import { buildAppBundles } from '../lib/app-runtime';
import { openBenchDatabase } from '../lib/database';
import { generateLoad, type LoadReport, type PreparedRequest } from '../lib/load-generator';
import { processCpuMeter } from '../lib/process-figures';
import { distribution } from '../lib/stats';
import { signedMissedCall, stormCaller } from '../storm/webhooks';

const TENANTS_FILE = join(__dirname, '..', '..', 'infra', 'seed', 'tenants.json');

/** From the first measured send leaving to the last answer. */
function measuredSpanMs(sentAtMs: Float64Array, latencyMs: Float64Array): number {
  let end = 0;
  for (let i = 0; i < sentAtMs.length; i += 1) end = Math.max(end, sentAtMs[i]! + latencyMs[i]!);
  return sentAtMs.length === 0 ? 0 : end - sentAtMs[0]!;
}

/** The report of the sends after the first `warmup`, as if they alone had been offered. */
function measuredPart(report: LoadReport, warmup: number): LoadReport {
  return {
    ...report,
    latencyMs: report.latencyMs.subarray(warmup),
    status: report.status.subarray(warmup),
    lagMs: report.lagMs.subarray(warmup),
    sentAtMs: report.sentAtMs.subarray(warmup),
    spanMs: measuredSpanMs(report.sentAtMs.subarray(warmup), report.latencyMs.subarray(warmup)),
  };
}

/** `warmupSeconds` of the same load go first and are not counted (a process that just started is cold). */
export type LoadOptions = { rate: number; seconds: number; port: number; warmupSeconds?: number; profileDir?: string; runtime?: AppRuntime };

/** The accept queue the kernel gives a listening port (`ss`'s Send-Q for a listener); undefined without `ss`. */
function listenBacklogOf(port: number): number | undefined {
  try {
    const line = execFileSync('ss', ['-ltnH', `sport = :${port}`], { encoding: 'utf8' }).trim().split('\n')[0];
    return line ? Number(line.split(/\s+/)[2]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The ingress as deployed (its own process, on the real event store) under `rate` signed missed-call
 * webhooks a second for `seconds`, each from a new caller, offered open loop from another process.
 * Reports every acknowledgement and how many CallMissed events the store holds afterwards. The
 * ingress runs from TypeScript through tsx unless `runtime` is `compiled` (its bundle, built first).
 */
export async function runLoad(options: LoadOptions) {
  if (options.runtime === 'compiled') buildAppBundles(['ingress']);
  const db = await openBenchDatabase('load', 2);
  const signer = await startTelnyxSandbox({ apiKey: 'KEY_LOAD' });
  const apps = new AppProcesses({ ...process.env, DATABASE_URL: db.url, TELNYX_PUBLIC_KEY: signer.publicKey, LOG_LEVEL: 'warn', INGRESS_PORT: String(options.port) }, mkdtempSync(join(tmpdir(), 'naxio-load-')), {
    nodeArgs: options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [],
    runtime: options.runtime ?? 'tsx',
  });
  try {
    const tenants = await seedTenants(db.pool, TENANTS_FILE);
    const phones = tenants.flatMap((t) => t.phoneNumbers);
    const base = `http://127.0.0.1:${options.port}`;
    apps.start('ingress');
    await waitUntilAnswering(`${base}/health`);
    const listenBacklog = listenBacklogOf(options.port);
    const count = options.rate * options.seconds;
    const warmup = options.rate * (options.warmupSeconds ?? 0);
    const url = `${base}/webhooks/telnyx/voice`;
    const signed = (first: number, n: number): PreparedRequest[] => Array.from({ length: n }, (_, k) => signedMissedCall(signer, stormCaller(first + k), phones[(first + k) % phones.length]!, url));
    // Warm-up and measured sends are one open loop over the same kept-alive connections, signed before
    // it starts: as separate loads, the measured one began with a pause and a few hundred new
    // connections, and its first second (p99 about 1 s) was the generator's start, not the ingress.
    const requests = [...signed(count, warmup), ...signed(0, count)];
    let ingressCpu = processCpuMeter(apps.pid('ingress'));
    const warmedUp = setTimeout(() => (ingressCpu = processCpuMeter(apps.pid('ingress'))), (options.warmupSeconds ?? 0) * 1000);
    const whole = await generateLoad({ baseUrl: base, requests, ratePerSecond: options.rate, count: warmup + count, timeoutMs: 30_000 });
    clearTimeout(warmedUp);
    const ingressCores = ingressCpu.stop();
    const report = measuredPart(whole, warmup);
    const statuses = new Map<number, number>();
    for (const status of report.status) statuses.set(status, (statuses.get(status) ?? 0) + 1);
    // Counted for the measured callers' own leads, so the warm-up's calls neither add nor hide any.
    const tenantOf = new Map(tenants.flatMap((t) => t.phoneNumbers.map((phone) => [phone, t.id] as const)));
    const measuredLeads = Array.from({ length: count }, (_, i) => leadStreamId(tenantOf.get(phones[i % phones.length]!)!, stormCaller(i)));
    const counted = await db.pool.query<{ events: string; leads: string }>(
      `SELECT count(*) AS events, count(DISTINCT stream_id) AS leads FROM events WHERE type = 'CallMissed' AND stream_id = ANY($1::text[])`,
      [measuredLeads],
    );
    const [stored, leads] = [Number(counted.rows[0]!.events), Number(counted.rows[0]!.leads)];
    return {
      sent: count,
      acknowledged: statuses.get(200) ?? 0,
      statuses: Object.fromEntries(statuses),
      stored,
      leads,
      ackMs: distribution([...report.latencyMs]),
      // Per second of the run: where in time the slow answers were (warm-up, a pause, all along).
      p99BySecond: Array.from({ length: options.seconds }, (_, second) => distribution([...report.latencyMs.subarray(second * options.rate, (second + 1) * options.rate)]).p99),
      lateStartMs: distribution([...report.lagMs]),
      achievedPerSecond: Math.round(count / (report.spanMs / 1000)),
      ingressCrashes: apps.crashes(),
      listenBacklog,
      peakRssMb: { ...apps.peakRssMb(), generator: report.generator.peakRssMb },
      generatorCpuCores: report.generator.cpuCores,
      ingressCpuCores: ingressCores,
    };
  } finally {
    await apps.stopAll();
    await signer.close();
    await db.drop();
  }
}
