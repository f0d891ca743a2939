import {
  BookingIdReused,
  checkReserveRequest,
  isSameReservation,
  type ReserveRequest,
  type ReserveResult,
  type SlotReservation,
  type SlotReservations,
} from '@naxio/domain';

const overlaps = (a: { start: string; end: string }, b: { start: string; end: string }) =>
  Date.parse(a.start) < Date.parse(b.end) && Date.parse(a.end) > Date.parse(b.start);

/** The in-memory twin for unit specs and simulations; passes the same contract as PostgreSQL. */
export class InMemorySlotReservations implements SlotReservations {
  private readonly byBooking = new Map<string, SlotReservation>();

  async reserve(request: ReserveRequest): Promise<ReserveResult> {
    checkReserveRequest(request);
    const held = this.byBooking.get(request.bookingId);
    if (held) {
      if (!isSameReservation(held, request)) throw new BookingIdReused(request.bookingId);
      return { ok: true };
    }
    const busy = new Set(
      [...this.byBooking.values()].filter((r) => r.tenantId === request.tenantId && overlaps(r, request.slot)).map((r) => r.technicianIndex),
    );
    for (let technicianIndex = 0; technicianIndex < request.capacity; technicianIndex++) {
      if (busy.has(technicianIndex)) continue;
      this.byBooking.set(request.bookingId, {
        bookingId: request.bookingId,
        tenantId: request.tenantId,
        leadId: request.leadId,
        slotId: request.slot.slotId,
        start: new Date(request.slot.start).toISOString(),
        end: new Date(request.slot.end).toISOString(),
        technicianIndex,
      });
      return { ok: true };
    }
    return { ok: false, reason: 'full' };
  }

  async release(bookingId: string): Promise<boolean> {
    return this.byBooking.delete(bookingId);
  }

  async reservationsBetween(tenantId: string, from: Date, to: Date): Promise<SlotReservation[]> {
    const window = { start: from.toISOString(), end: to.toISOString() };
    return [...this.byBooking.values()]
      .filter((r) => r.tenantId === tenantId && overlaps(r, window))
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.technicianIndex - b.technicianIndex);
  }
}
