import {
  type JobKind,
  type Qualification,
  type Slot,
  type Tenant,
  freeSlots,
  offerSlots,
  techniciansOf,
} from '@naxio/domain';
import type { CallbackDeps } from './deps';

const SEARCH_DAYS = 4;

/** What kind of visit a qualified lead needs, which decides the slot's length. */
export function jobKindOf(qualification: Qualification): JobKind {
  if (qualification.urgency === 'emergency') return 'emergency';
  if (/tune-up|maintenance|inspection|lawn-care|cleanup/.test(qualification.subCategory)) return 'maintenance';
  if (qualification.urgency === 'inquiry' || /install|replacement|design|estimate|quote/.test(qualification.subCategory)) return 'estimate';
  return 'repair';
}

/** Two free slots from the calendar as it stands, spread over days; emergencies get the earliest. */
export async function slotsToOffer(deps: CallbackDeps, tenant: Tenant, qualification: Qualification, now: Date): Promise<Slot[]> {
  const to = new Date(now.getTime() + SEARCH_DAYS * 24 * 3600_000);
  const reservations = await deps.reservations.reservationsBetween(tenant.id, now, to);
  const jobKind = jobKindOf(qualification);
  const free = freeSlots({ tenant, jobKind, policy: { capacity: techniciansOf(tenant) }, reservations, from: now, to });
  return offerSlots(free, { timezone: tenant.timezone, count: 2, emergency: jobKind === 'emergency' });
}
