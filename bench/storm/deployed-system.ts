import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandboxes } from '@naxio/demo';
import { createPool, ensureDatabase, migrate, seedTenants } from '@naxio/infra';
import { ALL_APPS, AppProcesses, type AppRuntime } from '../../test/support/app-processes';
import { appSettings } from '../../test/support/app-settings';
import { freePortPair, waitUntilAnswering } from '../../test/support/ports';
import { buildAppBundles } from '../lib/app-runtime';
import { cpuMeter, machineCpuMeter, peakRssMb, processCpuMeter } from '../lib/process-figures';
import type { ProcessFigures, StormSystem } from './storm-system';

/** A line of an app's log that reports an error: pino's error and fatal levels, kafkajs's errors, a stack trace's head. */
const ERROR_LINE = /"level":(50|60)\b|"level":"ERROR"|\bError\b/;

export type DeployedOptions = { databaseUrl: string; brokers: string[]; topic: string; tenantsFile: string; profileDir?: string; runtime: AppRuntime };

/**
 * Naxio as deployed: every app its own OS process with the image's heap flags, on the storm's own
 * database and topic; the vendor sandboxes run in this process. `runtime: 'compiled'` runs each from
 * its bundle, as the image does (built first); `tsx` from its TypeScript sources. Each process's CPU
 * over the storm comes from /proc and its peak memory from VmHWM.
 */
export async function startDeployedSystem(options: DeployedOptions): Promise<StormSystem> {
  if (options.runtime === 'compiled') buildAppBundles(ALL_APPS);
  await ensureDatabase(options.databaseUrl);
  const pool = createPool(options.databaseUrl, 4);
  await migrate(pool);
  const tenants = await seedTenants(pool, options.tenantsFile);
  const sandboxes = await startSandboxes(tenants);
  const port = await freePortPair();
  const ingressUrl = `http://127.0.0.1:${port}`;
  sandboxes.telnyx.setWebhookUrls({ voice: `${ingressUrl}/webhooks/telnyx/voice`, messaging: `${ingressUrl}/webhooks/telnyx/messaging` });
  const settings = appSettings(tenants, sandboxes, { databaseUrl: options.databaseUrl, brokers: options.brokers, ingressUrl, topic: options.topic });
  const apps = new AppProcesses({ ...process.env, ...settings, INGRESS_PORT: String(port) }, mkdtempSync(join(tmpdir(), 'naxio-storm-logs-')), {
    nodeArgs: options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [],
    runtime: options.runtime,
  });
  for (const app of ALL_APPS) apps.start(app);
  await waitUntilAnswering(`${ingressUrl}/health`);
  return {
    shape: `one process per app (${options.runtime})`,
    tenants, sandboxes, pool, ingressUrl,
    problems: () => ALL_APPS.flatMap((app) => apps.logTail(app, Infinity).split('\n').filter((line) => ERROR_LINE.test(line)).map((line) => `${app}: ${line}`)),
    meter() {
      const meters = ALL_APPS.map((app) => [app, processCpuMeter(apps.pid(app))] as const);
      const [machine, sandboxes] = [machineCpuMeter(), cpuMeter()];
      return {
        stop(): ProcessFigures {
          const cpu = new Map(meters.map(([app, meter]) => [app, meter.stop()]));
          const peaks = apps.peakRssMb();
          const byProcess = Object.fromEntries(ALL_APPS.map((app) => [app, { cpuCores: cpu.get(app)!, peakRssMb: peaks[app]! }]));
          byProcess['(bench)'] = { cpuCores: sandboxes.stop().cpuCores, peakRssMb: peakRssMb() };
          return { machineCores: machine.stop(), byProcess, crashes: [...apps.crashes()] };
        },
      };
    },
    async stop() {
      await apps.stopAll();
      await sandboxes.close();
      await pool.end();
    },
  };
}
