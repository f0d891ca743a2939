import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Tenant } from '@naxio/domain';
import { JOBBER_APP, SANDBOX_KEYS, type Sandboxes, startSandboxes } from '@naxio/demo';
import { createPool, ensureDatabase, migrate, seedTenants } from '@naxio/infra';
import type { Pool } from 'pg';
import { type AppName, AppProcesses } from '../support/app-processes';
import { freePortPair, waitUntilAnswering } from '../support/ports';
import { startOwnKafka, type OwnKafka } from './own-kafka';
import { startOwnPostgres, type OwnPostgres } from './own-postgres';

const TENANTS_FILE = join(__dirname, '..', '..', 'infra', 'seed', 'tenants.json');
export const ALL_APPS: AppName[] = ['ingress', 'relay', 'texter', 'conversation', 'escalation', 'callback', 'crm-sync', 'scheduler', 'projections'];

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
  const apps = new AppProcesses({ ...process.env, ...appSettings(tenants, sandboxes, { databaseUrl, brokers: kafka.brokers, ingressUrl }), INGRESS_PORT: String(ingressPort) }, mkdtempSync(join(tmpdir(), 'naxio-chaos-logs-')));
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

/** The settings each app reads from its environment, pointed at the sandboxes. */
function appSettings(tenants: Tenant[], sandboxes: Sandboxes, at: { databaseUrl: string; brokers: string[]; ingressUrl: string }): NodeJS.ProcessEnv {
  const tenantKey = (prefix: string, tenant: Tenant) => `${prefix}_${tenant.id.toUpperCase().replace(/-/g, '_')}`;
  const crm: NodeJS.ProcessEnv = { JOBBER_CLIENT_ID: JOBBER_APP.clientId, JOBBER_CLIENT_SECRET: JOBBER_APP.clientSecret, JOBBER_BASE_URL: sandboxes.jobber.baseUrl, HOUSECALLPRO_BASE_URL: sandboxes.housecallpro.baseUrl };
  for (const tenant of tenants) {
    if (tenant.crm === 'jobber') {
      const tokens = sandboxes.jobber.issueTokens();
      crm[tenantKey('JOBBER_TOKENS', tenant)] = `${tokens.accessToken}:${tokens.refreshToken}`;
    }
    if (tenant.crm === 'housecallpro') crm[tenantKey('HOUSECALLPRO_API_KEY', tenant)] = SANDBOX_KEYS.hcp;
  }
  return {
    DATABASE_URL: at.databaseUrl,
    KAFKA_BROKERS: at.brokers.join(','),
    LEAD_EVENTS_TOPIC: 'lead-events',
    TELNYX_API_KEY: SANDBOX_KEYS.telnyx,
    TELNYX_BASE_URL: sandboxes.telnyx.baseUrl,
    TELNYX_PUBLIC_KEY: sandboxes.telnyx.publicKey,
    TELNYX_CONNECTION_ID: sandboxes.telnyx.connectionId,
    PUBLIC_WEBHOOK_URL: at.ingressUrl,
    ANTHROPIC_API_KEY: SANDBOX_KEYS.anthropic,
    ANTHROPIC_BASE_URL: sandboxes.anthropic.baseUrl,
    LOG_LEVEL: 'warn',
    ...crm,
  };
}
