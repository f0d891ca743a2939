import type { Tenant } from '@naxio/domain';
import { JOBBER_APP, SANDBOX_KEYS, type Sandboxes } from '@naxio/demo';

/** The settings each app reads from its environment, pointed at the sandboxes. */
export function appSettings(tenants: Tenant[], sandboxes: Sandboxes, at: { databaseUrl: string; brokers: string[]; ingressUrl: string; topic: string }): NodeJS.ProcessEnv {
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
    LEAD_EVENTS_TOPIC: at.topic,
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
