import { DomainRuleViolated } from '../decider/decider';
import type { Slot } from '../lead/events';
import { addDays, addMinutes, compareDates, instantAt, isoDate, type LocalDate, localDateAt, minutesOfDay, weekdayOf } from '../messaging/zoned-time';
import type { Tenant } from '../tenant/tenant';
import { type BookingPolicy, checkBookingPolicy, DEFAULT_EMERGENCY_RESERVE_PER_DAY, type JobKind, slotMinutesFor } from './booking-policy';
import type { ReservedPlace } from './slot-reservations';

export type BookableTenant = Pick<Tenant, 'id' | 'trade' | 'timezone' | 'businessHours'>;

export type SlotSearch = {
  tenant: BookableTenant;
  jobKind: JobKind;
  policy: BookingPolicy;
  reservations: readonly ReservedPlace[];
  /** Slots that start in [from, to) are returned. */
  from: Date;
  to: Date;
};

const MAX_SEARCH_DAYS = 92;

const compact = (at: Date) => at.toISOString().replace(/[-:]|\.\d{3}/g, '');

/** Same tenant, start and end: same id, so an offer and a booking name one slot however often computed. */
export const slotIdOf = (tenantId: string, start: Date, end: Date): string => `slot-${tenantId}-${compact(start)}-${compact(end)}`;

type Candidate = { start: Date; end: Date; day: LocalDate; freePlaces: number };

/**
 * Slots start on the tenant's wall-clock grid (open, open + length, …) so they read as round
 * times; each lasts `length` real minutes and ends by closing time. On a spring-forward night a
 * start that falls in the gap lands after it and is dropped if it repeats the next one.
 */
function slotsOfDay(tenant: BookableTenant, day: LocalDate, length: number): Array<{ start: Date; end: Date }> {
  const hours = tenant.businessHours[weekdayOf(day)];
  if (!hours) return [];
  const open = minutesOfDay(hours.open);
  const closesAt = instantAt(day, minutesOfDay(hours.close), tenant.timezone);
  const slots: Array<{ start: Date; end: Date }> = [];
  for (let minute = open; ; minute += length) {
    const start = instantAt(day, minute, tenant.timezone);
    const end = addMinutes(start, length);
    if (end > closesAt) return slots;
    if (slots.at(-1)?.start.getTime() !== start.getTime()) slots.push({ start, end });
  }
}

/** Technicians with nothing booked that overlaps [start, end). */
function freePlaces(start: Date, end: Date, capacity: number, reservations: readonly ReservedPlace[]): number {
  const busy = new Set<number>();
  for (const r of reservations) {
    if (r.technicianIndex < capacity && new Date(r.start) < end && new Date(r.end) > start) busy.add(r.technicianIndex);
  }
  return capacity - busy.size;
}

/**
 * Free slots of the requested kind, earliest first. Emergency rule: the last
 * `emergencyReservePerDay` free places of each day (counted from `from` on) are kept for
 * emergencies, so a routine job sees a day only while that day has more free places than that;
 * an emergency sees every slot with a free place, including today's.
 */
export function freeSlots(search: SlotSearch): Slot[] {
  const { tenant, policy, reservations, from, to } = search;
  checkBookingPolicy(policy);
  if (!(from < to)) return [];
  const firstDay = localDateAt(from, tenant.timezone);
  const lastDay = localDateAt(to, tenant.timezone);
  if (compareDates(lastDay, addDays(firstDay, MAX_SEARCH_DAYS)) > 0) {
    throw new DomainRuleViolated('slot_search_too_wide', `slot searches cover at most ${MAX_SEARCH_DAYS} days`);
  }
  const length = slotMinutesFor(tenant.trade, search.jobKind, policy);
  const candidates: Candidate[] = [];
  for (let day = firstDay; compareDates(day, lastDay) <= 0; day = addDays(day, 1)) {
    for (const { start, end } of slotsOfDay(tenant, day, length)) {
      if (start >= from) candidates.push({ start, end, day, freePlaces: freePlaces(start, end, policy.capacity, reservations) });
    }
  }
  const reserve = search.jobKind === 'emergency' ? 0 : (policy.emergencyReservePerDay ?? DEFAULT_EMERGENCY_RESERVE_PER_DAY);
  const freeByDay = new Map<string, number>();
  for (const c of candidates) freeByDay.set(isoDate(c.day), (freeByDay.get(isoDate(c.day)) ?? 0) + c.freePlaces);
  return candidates
    .filter((c) => c.start < to && c.freePlaces > 0 && (freeByDay.get(isoDate(c.day)) ?? 0) > reserve)
    .map((c) => ({ slotId: slotIdOf(tenant.id, c.start, c.end), start: c.start.toISOString(), end: c.end.toISOString() }));
}
