import type { CalleeScript } from '@naxio/telnyx-sandbox';
import type { Tenant } from '@naxio/domain';

/** One simulated caller: who they ring, what they text back (if anything), how they take Jordan's call. */
export type DemoCaller = {
  caller: string;
  tenant: Tenant;
  calls: Array<'timeout' | 'no_answer' | 'originator_cancel' | 'user_busy'>;
  reply?: string;
  /** A second text, sent after our answer (e.g. "2" to book an offered slot by text). */
  secondReply?: string;
  callee?: CalleeScript;
  blockedBefore?: boolean;
  story: string;
};

/** A caller from the tenant's own area code, in the 555 range kept for fiction. */
const number = (tenant: Tenant, n: number) => `${tenant.phoneNumbers[0]!.slice(0, 5)}555${String(2000 + n)}`;

/**
 * The seed's whole loop across the demo tenants: an emergency booked by voice, a scheduled job booked
 * by text after an unanswered callback, a caller who rings three times, an out-of-area shopper, a
 * STOP, a HELP, and callers who never answer (they get the follow-ups). `count` adds more silent callers.
 */
export function demoCallers(tenants: readonly Tenant[], count: number): DemoCaller[] {
  const [hvac, plumbing, roofing] = [tenants[0]!, tenants[1] ?? tenants[0]!, tenants[2] ?? tenants[0]!];
  const scripted: DemoCaller[] = [
    {
      caller: number(hvac, 1), tenant: hvac, calls: ['timeout'], story: 'emergency, booked by voice',
      reply: 'AC stopped working, house is at 88 degrees and my mom is 82. We are at 78701',
      callee: { answer: 'human', gatherResults: [{ choice: '1', address: '12 Oak St, Austin 78701' }] },
    },
    {
      caller: number(plumbing, 2), tenant: plumbing, calls: ['no_answer'], story: 'a scheduled job, booked by text',
      reply: 'water heater is leaking a little, can someone come this week? zip 80203', secondReply: '2',
      callee: { answer: 'no-answer' },
    },
    { caller: number(hvac, 3), tenant: hvac, calls: ['timeout', 'originator_cancel', 'timeout'], story: 'rang three times: one lead, one text' },
    { caller: number(roofing, 4), tenant: roofing, calls: ['user_busy'], story: 'out of the area', reply: 'how much for a new roof in Miami FL 33101?' },
    { caller: number(plumbing, 5), tenant: plumbing, calls: ['timeout'], story: 'opted out', reply: 'STOP' },
    { caller: number(hvac, 6), tenant: hvac, calls: ['timeout'], story: 'texted STOP to this business before: the carrier blocks any text', blockedBefore: true },
    { caller: number(roofing, 7), tenant: roofing, calls: ['timeout'], story: 'asked for help', reply: 'HELP' },
  ];
  const silent: DemoCaller[] = [];
  for (let n = 10; scripted.length + silent.length < count; n++) {
    const tenant = tenants[n % tenants.length]!;
    silent.push({ caller: number(tenant, n), tenant, calls: ['timeout'], story: 'never answered: follow-ups' });
  }
  return [...scripted, ...silent].slice(0, Math.max(count, 1));
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}
