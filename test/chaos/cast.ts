import type { Tenant } from '@naxio/domain';
import type { CalleeScript } from '@naxio/telnyx-sandbox';

/** What one caller of the chaos run does after the missed call. */
export type ChaosCaller = {
  caller: string;
  tenant: Tenant;
  role: 'silent' | 'emergency-booked-by-voice' | 'booked-by-text' | 'stop';
  reply?: string;
  callee?: CalleeScript;
};

/**
 * `count` callers spread over the tenants; every 50th plays a part that reaches the owner alert,
 * Jordan's call, the booking and the CRM, or an opt-out, so the chaos hits every consumer kind.
 */
export function chaosCast(tenants: readonly Tenant[], count: number): ChaosCaller[] {
  const [hvac, plumbing] = [tenants[0]!, tenants[1] ?? tenants[0]!];
  const numberFor = (tenant: Tenant, i: number) => `${tenant.phoneNumbers[0]!.slice(0, 5)}555${String(1000 + i).padStart(4, '0')}`;
  return Array.from({ length: count }, (_, i): ChaosCaller => {
    const scripted = i % 50 === 5 ? Math.floor(i / 50) % 3 : -1;
    if (scripted === 0) {
      return {
        caller: numberFor(hvac, i), tenant: hvac, role: 'emergency-booked-by-voice',
        reply: 'Furnace quit and there is no heat, 2 little kids in the house. We are at 78701',
        callee: { answer: 'human', gatherResults: [{ choice: '1', address: '12 Oak St, Austin 78701' }] },
      };
    }
    if (scripted === 1) {
      return { caller: numberFor(plumbing, i), tenant: plumbing, role: 'booked-by-text', reply: 'water heater is leaking a little, can someone come this week? zip 80203', callee: { answer: 'no-answer' } };
    }
    const tenant = tenants[i % tenants.length]!;
    if (scripted === 2) return { caller: numberFor(tenant, i), tenant, role: 'stop', reply: 'STOP' };
    return { caller: numberFor(tenant, i), tenant, role: 'silent' };
  });
}
