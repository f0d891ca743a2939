import { DomainRuleViolated } from '../decider/decider';
import type { Trade } from '../tenant/tenant';

/** What a visit is for; it sets how long the visit's slot is. */
export const jobKinds = ['maintenance', 'repair', 'estimate', 'emergency'] as const;
export type JobKind = (typeof jobKinds)[number];

/**
 * Default slot lengths per trade, in minutes: a tune-up or routine service, a repair visit, an
 * estimate for a replacement or larger job, and an emergency call-out (diagnose and make safe).
 */
export const defaultSlotMinutes: Record<Trade, Record<JobKind, number>> = {
  hvac: { maintenance: 60, repair: 120, estimate: 60, emergency: 120 },
  plumbing: { maintenance: 60, repair: 90, estimate: 60, emergency: 120 },
  electrical: { maintenance: 60, repair: 90, estimate: 60, emergency: 120 },
  roofing: { maintenance: 90, repair: 180, estimate: 60, emergency: 120 },
  landscaping: { maintenance: 60, repair: 120, estimate: 45, emergency: 90 },
};

export type BookingPolicy = {
  /** Technicians (crews) who can each be at one job at a time. */
  capacity: number;
  /** Replaces the trade's default length for the kinds given. */
  slotMinutes?: Partial<Record<JobKind, number>>;
  /**
   * Places per day that only an emergency may take (default 1): a day is offered for routine work
   * only while it has more free places than this left from now on. The database does not enforce
   * it (two routine bookings racing for the second-to-last place can both win); capacity it does.
   */
  emergencyReservePerDay?: number;
};

export const DEFAULT_EMERGENCY_RESERVE_PER_DAY = 1;

const isWholeAtLeast = (value: number, min: number) => Number.isInteger(value) && value >= min;

export function checkBookingPolicy(policy: BookingPolicy): void {
  if (!isWholeAtLeast(policy.capacity, 1)) {
    throw new DomainRuleViolated('invalid_booking_policy', `capacity must be a whole number of at least 1, got ${policy.capacity}`);
  }
  const reserve = policy.emergencyReservePerDay ?? DEFAULT_EMERGENCY_RESERVE_PER_DAY;
  if (!isWholeAtLeast(reserve, 0)) {
    throw new DomainRuleViolated('invalid_booking_policy', `emergencyReservePerDay must be a whole number ≥ 0, got ${reserve}`);
  }
  for (const [kind, minutes] of Object.entries(policy.slotMinutes ?? {})) {
    if (!isWholeAtLeast(minutes, 15)) {
      throw new DomainRuleViolated('invalid_booking_policy', `slot length for ${kind} must be whole minutes ≥ 15, got ${minutes}`);
    }
  }
}

export const slotMinutesFor = (trade: Trade, kind: JobKind, policy?: BookingPolicy): number =>
  policy?.slotMinutes?.[kind] ?? defaultSlotMinutes[trade][kind];
