import { LeadStory } from './lead-story';

/** Tenants of mixed leads: Chicago (hvac) and Denver (plumbing) in the specs that configure them, and one no one did. */
export const MIXED_TENANTS = ['peak-comfort', 'blue-river', 'not-configured'] as const;

/**
 * Leads that take every path the read models tell apart (texted first, repeat calls, owner alerts,
 * trades named and renamed, opt-outs, hand-offs, bookings), `count` of them ten minutes apart from
 * `start`; around midnight in Chicago and Denver, days differ by tenant.
 */
export function mixedLeads(count: number, start: Date): LeadStory[] {
  return Array.from({ length: count }, (_, i) => {
    const lead = new LeadStory({ tenantId: MIXED_TENANTS[i % 3]!, callerPhone: `+1512558${String(i).padStart(4, '0')}`, start: new Date(start.getTime() + i * 611000) });
    if (i % 7 === 3) lead.replied(0).texted(1000, 'conversation');
    lead.missed().texted(900 + i * 10, i % 5 === 4 ? 'owner-alert' : 'opening');
    if (i % 4 === 1) lead.missed(40000).texted(2000, 'follow-up');
    if (i % 2 === 0) lead.replied().qualified({ serviceType: (['hvac', 'plumbing', 'other', 'electrical'] as const)[i % 4]! });
    if (i % 6 === 0) lead.qualified({ serviceType: 'roofing', urgency: 'emergency', summary: 'Roof leak' }).escalated();
    if (i % 3 === 0) lead.booked().synced();
    if (i % 5 === 2) lead.optedOut().followUpsScheduled();
    if (i % 10 === 2) lead.optedIn();
    if (i % 9 === 5) lead.handedOff(1000, 'calling them myself');
    return lead;
  });
}
