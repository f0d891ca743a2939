import type { Tenant } from '@naxio/domain';
import { HousecallProCrm, InMemoryJobberTokenStore, JobberCrm, runConsumerProcess, telnyxGatewaysFromEnv } from '@naxio/infra';
import { CRM_SYNC_TRIGGERS, syncBookedJob, type TenantCrm } from './sync-job';

// Writes booked jobs to CRMs. Credentials per tenant from the environment (a secrets manager in
// production): JOBBER_CLIENT_ID, JOBBER_CLIENT_SECRET, JOBBER_TOKENS_<TENANT> ("access:refresh"),
// HOUSECALLPRO_API_KEY_<TENANT>; JOBBER_BASE_URL / HOUSECALLPRO_BASE_URL for sandboxes.
const envKey = (prefix: string, tenant: Tenant) => `${prefix}_${tenant.id.toUpperCase().replace(/-/g, '_')}`;

function crmFor(tenant: Tenant): TenantCrm | undefined {
  if (tenant.crm === 'jobber') {
    const [accessToken, refreshToken] = (process.env[envKey('JOBBER_TOKENS', tenant)] ?? '').split(':');
    if (!accessToken || !refreshToken) return undefined;
    const crm = new JobberCrm({
      clientId: process.env.JOBBER_CLIENT_ID ?? '',
      clientSecret: process.env.JOBBER_CLIENT_SECRET ?? '',
      tokens: new InMemoryJobberTokenStore({ accessToken, refreshToken }),
      timeZone: tenant.timezone,
      baseUrl: process.env.JOBBER_BASE_URL,
    });
    return { kind: 'jobber', crm };
  }
  const apiKey = process.env[envKey('HOUSECALLPRO_API_KEY', tenant)];
  if (tenant.crm === 'housecallpro' && apiKey) return { kind: 'housecallpro', crm: new HousecallProCrm({ apiKey, baseUrl: process.env.HOUSECALLPRO_BASE_URL }) };
  return undefined;
}

runConsumerProcess('crm-sync', CRM_SYNC_TRIGGERS, (basics) => {
  const { sms, receiptBaseUrl } = telnyxGatewaysFromEnv();
  return (event) => syncBookedJob({ ...basics, sms, receiptBaseUrl, crmFor }, event);
});
