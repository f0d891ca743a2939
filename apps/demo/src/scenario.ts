import type { Tenant } from '@naxio/domain';

/** One simulated caller: who they ring, how the call ends, and what makes them interesting. */
export type DemoCall = { caller: string; tenant: Tenant; hangupCause: 'timeout' | 'no_answer' | 'originator_cancel' | 'user_busy'; note?: string };

const causes = ['timeout', 'no_answer', 'originator_cancel', 'user_busy'] as const;

/** The caller's number shares the tenant's area code, as most local callers do. */
const callerNumber = (tenant: Tenant, n: number) => `${tenant.phoneNumbers[0]!.slice(0, 5)}55${String(1000 + n).slice(-4)}`.padEnd(12, '0');

/**
 * `count` missed calls spread over the tenants. Among them one impatient caller who rings three
 * times in a row (one lead, one text) and, from five calls up, one who once texted STOP to that
 * contractor (no text at all).
 */
export function demoCalls(tenants: readonly Tenant[], count: number): { calls: DemoCall[]; blocked: string[] } {
  const calls: DemoCall[] = [];
  const blocked: string[] = [];
  for (let n = 0; calls.length < count; n++) {
    const tenant = tenants[n % tenants.length]!;
    const caller = callerNumber(tenant, n);
    if (n === 1 && count - calls.length >= 3) {
      for (let i = 0; i < 3; i++) calls.push({ caller, tenant, hangupCause: i === 1 ? 'originator_cancel' : 'timeout', note: i > 0 ? 'called again' : undefined });
      continue;
    }
    if (n === 3 && count >= 5) {
      blocked.push(caller);
      calls.push({ caller, tenant, hangupCause: 'timeout', note: 'texted STOP to this business before' });
      continue;
    }
    calls.push({ caller, tenant, hangupCause: causes[n % causes.length]! });
  }
  return { calls, blocked };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}
