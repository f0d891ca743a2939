import { DomainRuleViolated } from '../decider/decider';
import type { Slot } from '../lead/events';

/**
 * One technician's place taken for [start, end). Places are numbered 0..capacity-1 per tenant; a
 * technician is never in two overlapping places, whatever the slot lengths.
 */
export type ReservedPlace = { start: string; end: string; technicianIndex: number };

export type SlotReservation = ReservedPlace & { tenantId: string; bookingId: string; leadId: string; slotId: string };

export type ReserveRequest = { tenantId: string; slot: Slot; leadId: string; bookingId: string; capacity: number };

export type ReserveResult = { ok: true } | { ok: false; reason: 'full' };

/**
 * Where booked slots are held, so that two leads can never take the last place. `reserve` is
 * idempotent per booking id: asking again for the same booking answers ok and takes nothing more.
 */
export interface SlotReservations {
  reserve(request: ReserveRequest): Promise<ReserveResult>;
  /** True when a place was freed; releasing an unknown or released booking is a no-op. */
  release(bookingId: string): Promise<boolean>;
  /** Every reservation of the tenant that overlaps [from, to), by start. */
  reservationsBetween(tenantId: string, from: Date, to: Date): Promise<SlotReservation[]>;
}

/** A booking id already holds a different slot (or tenant): a caller bug, never retried. */
export class BookingIdReused extends Error {
  readonly code = 'booking_id_reused';
  constructor(readonly bookingId: string) {
    super(`booking ${bookingId} already holds another slot`);
    this.name = 'BookingIdReused';
  }
}

/** The checks every adapter makes before it touches storage. */
export function checkReserveRequest(request: ReserveRequest): void {
  const start = Date.parse(request.slot.start);
  const end = Date.parse(request.slot.end);
  if (!Number.isInteger(request.capacity) || request.capacity < 1) {
    throw new DomainRuleViolated('invalid_reservation', `capacity must be a whole number ≥ 1, got ${request.capacity}`);
  }
  if (Number.isNaN(start) || Number.isNaN(end) || end <= start) {
    throw new DomainRuleViolated('invalid_reservation', `slot ${request.slot.slotId} must end after it starts`);
  }
}

/** Whether a stored reservation is the one this request asks for again. */
export const isSameReservation = (held: SlotReservation, request: ReserveRequest): boolean =>
  held.tenantId === request.tenantId &&
  Date.parse(held.start) === Date.parse(request.slot.start) &&
  Date.parse(held.end) === Date.parse(request.slot.end);
