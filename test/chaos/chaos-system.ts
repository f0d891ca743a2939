import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Tenant } from '@naxio/domain';
import { type Sandboxes, startSandboxes } from '@naxio/demo';
import { createPool, ensureDatabase, migrate, seedTenants } from '@naxio/infra';
import type { Pool } from 'pg';
import { ALL_APPS, AppProcesses } from '../support/app-processes';
import { appSettings } from '../support/app-settings';
import { freePortPair, waitUntilAnswering } from '../support/ports';
import { startOwnKafka, type OwnKafka } from './own-kafka';
import { startOwnPostgres, type OwnPostgres } from './own-postgres';

const TENANTS_FILE = join(__dirname, '..', '..', 'infra', 'seed', 'tenants.json');

export type ChaosSystem = {
  postgres: OwnPostgres;
  kafka: OwnKafka;
  pool: Pool;
  tenants: Tenant[];
  sandboxes: Sandboxes;
  apps: AppProcesses;
  ingressUrl: string;
  stop(): Promise<void>;
};

/**
 * Naxio as it is deployed, on services of its own: a PostgreSQL server and a Kafka broker that may be
 * restarted, the vendor sandboxes, and every app as a separate process under a restarting supervisor.
 * The sandbox retries webhooks for longer than a restart lasts, as Telnyx does.
 */
export async function startChaosSystem(): Promise<ChaosSystem> {
  const postgres = startOwnPostgres(await freePortPair());
  const kafka = startOwnKafka(await freePortPair());
  const databaseUrl = postgres.url('naxio');
  await ensureDatabase(databaseUrl);
  const pool = createPool(databaseUrl, 4);
  await migrate(pool);
  const tenants = await seedTenants(pool, TENANTS_FILE);
  const sandboxes = await startSandboxes(tenants, { webhookRetry: { attempts: 40, backoffMs: [250, 500, 1000], timeoutMs: 5000 } });
  const ingressPort = await freePortPair();
  const ingressUrl = `http://127.0.0.1:${ingressPort}`;
  sandboxes.telnyx.setWebhookUrls({ voice: `${ingressUrl}/webhooks/telnyx/voice`, messaging: `${ingressUrl}/webhooks/telnyx/messaging` });
  const apps = new AppProcesses({ ...process.env, ...appSettings(tenants, sandboxes, { databaseUrl, brokers: kafka.brokers, ingressUrl, topic: 'lead-events' }), INGRESS_PORT: String(ingressPort) }, mkdtempSync(join(tmpdir(), 'naxio-chaos-logs-')));
  for (const app of ALL_APPS) apps.start(app);
  await waitUntilAnswering(`${ingressUrl}/health`);
  return {
    postgres, kafka, pool, tenants, sandboxes, apps, ingressUrl,
    async stop() {
      await apps.stopAll();
      await sandboxes.close();
      await pool.end();
      kafka.stop();
      postgres.stop();
    },
  };
}
