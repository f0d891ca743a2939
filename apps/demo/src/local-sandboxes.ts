import { startAnthropicSandbox, type AnthropicSandbox } from '@naxio/anthropic-sandbox';
import type { Crm, Tenant } from '@naxio/domain';
import { HousecallProCrm, InMemoryJobberTokenStore, JobberCrm } from '@naxio/infra';
import { startHousecallProSandbox } from '@naxio/housecallpro-sandbox';
import { startJobberSandbox } from '@naxio/jobber-sandbox';
import { startTelnyxSandbox, type TelnyxSandbox, type WebhookRetryPolicy } from '@naxio/telnyx-sandbox';

export const SANDBOX_KEYS = { telnyx: 'KEY_LOCAL_SANDBOX', anthropic: 'sk-ant-local-sandbox', hcp: 'hcp-local-sandbox' };
export const JOBBER_APP = { clientId: 'naxio-local', clientSecret: 'naxio-local-secret' };

export type Sandboxes = {
  telnyx: TelnyxSandbox;
  anthropic: AnthropicSandbox;
  jobber: Awaited<ReturnType<typeof startJobberSandbox>>;
  housecallpro: Awaited<ReturnType<typeof startHousecallProSandbox>>;
  crmFor(tenant: Tenant): { kind: 'jobber' | 'housecallpro'; crm: Crm } | undefined;
  close(): Promise<void>;
};

/** Every vendor Naxio talks to, imitated on loopback; the real SDKs and adapters point at them. */
export async function startSandboxes(tenants: readonly Tenant[], options: { webhookRetry?: Partial<WebhookRetryPolicy> } = {}): Promise<Sandboxes> {
  const telnyx = await startTelnyxSandbox({ apiKey: SANDBOX_KEYS.telnyx, ownedNumbers: tenants.flatMap((t) => t.phoneNumbers), profileDeliveryReceipts: false, ...options });
  const anthropic = await startAnthropicSandbox({ apiKey: SANDBOX_KEYS.anthropic });
  const jobber = await startJobberSandbox(JOBBER_APP);
  const housecallpro = await startHousecallProSandbox({ apiKey: SANDBOX_KEYS.hcp });
  const crms = new Map<string, { kind: 'jobber' | 'housecallpro'; crm: Crm }>();
  for (const tenant of tenants) {
    if (tenant.crm === 'jobber') {
      const tokens = new InMemoryJobberTokenStore(jobber.issueTokens());
      crms.set(tenant.id, { kind: 'jobber', crm: new JobberCrm({ ...JOBBER_APP, tokens, timeZone: tenant.timezone, baseUrl: jobber.baseUrl }) });
    }
    if (tenant.crm === 'housecallpro') crms.set(tenant.id, { kind: 'housecallpro', crm: new HousecallProCrm({ apiKey: SANDBOX_KEYS.hcp, baseUrl: housecallpro.baseUrl }) });
  }
  return {
    telnyx,
    anthropic,
    jobber,
    housecallpro,
    crmFor: (tenant) => crms.get(tenant.id),
    async close() {
      await Promise.all([telnyx.close(), anthropic.close(), jobber.close(), housecallpro.close()]);
    },
  };
}
