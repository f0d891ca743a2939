import { buildAnalytics, createApiKey } from '@naxio/analytics';
import { eventually } from '@naxio/infra';
import { systemClock } from '@naxio/domain';
import type { LocalSystem } from './local-system';
import { say } from './report';

type Counts = { missed: number; texted: number; replied: number; qualified: number; escalated: number; booked: number; synced: number; recoveryRate: number | null };

const isoDay = (at: Date) => at.toISOString().slice(0, 10);

/**
 * What each contractor sees: their funnel and recovery rate from the analytics API (read models fed
 * by the projections), asked with their own API key, as the dashboard does.
 */
export async function printTenantFunnels(system: LocalSystem, leads: number): Promise<void> {
  const api = await buildAnalytics({ pool: system.pool, store: system.store, clock: systemClock });
  try {
    const day = 24 * 3600_000;
    const range = `from=${isoDay(new Date(Date.now() - 2 * day))}&to=${isoDay(new Date(Date.now() + 2 * day))}`;
    const ask = async (tenantId: string) => {
      const { key } = await createApiKey(system.pool, tenantId, 'demo');
      const response = await api.inject({ method: 'GET', url: `/v1/recovery?${range}&groupBy=trade`, headers: { authorization: `Bearer ${key}` } });
      return { tenantId, total: (response.json() as { total: Counts }).total };
    };
    // The read models follow the bus; wait until they have every lead before reading them.
    const funnels = await eventually(async () => {
      const all = await Promise.all(system.tenants.map((t) => ask(t.id)));
      return all.reduce((n, f) => n + f.total.missed, 0) >= leads ? all : undefined;
    }, 30_000, 'the read models to catch up');
    say('\nWhat each contractor sees (analytics API, /v1/recovery)');
    for (const { tenantId, total: t } of funnels) {
      const rate = t.recoveryRate === null ? '–' : `${Math.round(t.recoveryRate * 100)}%`;
      say(`  ${tenantId.padEnd(20)} missed ${t.missed} → texted ${t.texted} → replied ${t.replied} → qualified ${t.qualified} → escalated ${t.escalated} → booked ${t.booked} → synced ${t.synced}   recovery ${rate}`);
    }
  } finally {
    await api.close();
  }
}
