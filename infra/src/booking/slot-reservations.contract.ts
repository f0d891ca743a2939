import { randomUUID } from 'node:crypto';
import { BookingIdReused, DomainRuleViolated, type Slot, type SlotReservation, type SlotReservations } from '@naxio/domain';

const slot = (start: string, end: string): Slot => ({ slotId: `slot-${start}-${end}`, start, end });
const nine = slot('2026-06-15T13:00:00.000Z', '2026-06-15T14:00:00.000Z');
const ten = slot('2026-06-15T14:00:00.000Z', '2026-06-15T15:00:00.000Z');
const nineToEleven = slot('2026-06-15T13:00:00.000Z', '2026-06-15T15:00:00.000Z');
const day = { from: new Date('2026-06-15T00:00:00Z'), to: new Date('2026-06-16T00:00:00Z') };

/** No technician in two overlapping places, and never more places than `capacity` at once. */
export function expectNoDoubleBooking(reservations: SlotReservation[], capacity: number) {
  for (const a of reservations) {
    expect(a.technicianIndex).toBeLessThan(capacity);
    const clash = reservations.find(
      (b) => b !== a && b.technicianIndex === a.technicianIndex && Date.parse(b.start) < Date.parse(a.end) && Date.parse(b.end) > Date.parse(a.start),
    );
    expect(clash).toBeUndefined();
  }
}

/** What every slot-reservation adapter promises; the PostgreSQL adapter and the in-memory twin run it. */
export function slotReservationsContract(name: string, setup: () => Promise<{ reservations: SlotReservations; teardown(): Promise<void> }>) {
  describe(`slot reservations contract: ${name}`, () => {
    let store: SlotReservations;
    let teardown: () => Promise<void>;
    beforeAll(async () => ({ reservations: store, teardown } = await setup()));
    afterAll(() => teardown());

    const tenant = () => `tenant-${randomUUID()}`;
    const reserve = (tenantId: string, s: Slot, capacity: number, bookingId = randomUUID()) =>
      store.reserve({ tenantId, slot: s, leadId: `lead-${bookingId}`, bookingId, capacity });

    it('gives out places up to the capacity, then answers full', async () => {
      const t = tenant();
      expect(await reserve(t, nine, 2)).toEqual({ ok: true });
      expect(await reserve(t, nine, 2)).toEqual({ ok: true });
      expect(await reserve(t, nine, 2)).toEqual({ ok: false, reason: 'full' });
      expect(await reserve(t, ten, 2)).toEqual({ ok: true });
      const held = await store.reservationsBetween(t, day.from, day.to);
      expect(held.map((r) => [r.start, r.technicianIndex])).toEqual([[nine.start, 0], [nine.start, 1], [ten.start, 0]]);
    });

    it('answers a repeated booking id with ok and takes no second place, even once the slot is full', async () => {
      const t = tenant();
      const bookingId = randomUUID();
      expect(await reserve(t, nine, 2, bookingId)).toEqual({ ok: true });
      expect(await reserve(t, nine, 2, bookingId)).toEqual({ ok: true });
      expect(await reserve(t, nine, 2)).toEqual({ ok: true });
      expect(await reserve(t, nine, 2, bookingId)).toEqual({ ok: true });
      const held = await store.reservationsBetween(t, day.from, day.to);
      expect(held.filter((r) => r.bookingId === bookingId)).toEqual([
        { bookingId, tenantId: t, leadId: `lead-${bookingId}`, slotId: nine.slotId, start: nine.start, end: nine.end, technicianIndex: 0 },
      ]);
      expect(held).toHaveLength(2);
    });

    it('refuses a booking id that already holds another slot', async () => {
      const t = tenant();
      const bookingId = randomUUID();
      await reserve(t, nine, 2, bookingId);
      await expect(reserve(t, ten, 2, bookingId)).rejects.toBeInstanceOf(BookingIdReused);
    });

    it('counts a longer job against every slot it covers, per technician', async () => {
      const t = tenant();
      expect(await reserve(t, nineToEleven, 2)).toEqual({ ok: true }); // technician 0, 9–11
      expect(await reserve(t, ten, 2)).toEqual({ ok: true }); // technician 1
      expect(await reserve(t, ten, 2)).toEqual({ ok: false, reason: 'full' });
      expect(await reserve(t, nine, 2)).toEqual({ ok: true }); // technician 1 is still free 9–10
      expect(await reserve(t, nine, 2)).toEqual({ ok: false, reason: 'full' });
      expect(await reserve(t, nineToEleven, 2)).toEqual({ ok: false, reason: 'full' });
    });

    it('frees the place of a released booking', async () => {
      const t = tenant();
      const first = randomUUID();
      await reserve(t, nine, 1, first);
      expect(await reserve(t, nine, 1)).toEqual({ ok: false, reason: 'full' });
      expect(await store.release(first)).toBe(true);
      expect(await store.release(first)).toBe(false);
      expect(await reserve(t, nine, 1)).toEqual({ ok: true });
    });

    it('keeps tenants apart and lists only what overlaps the window', async () => {
      const [a, b] = [tenant(), tenant()];
      await reserve(a, nine, 1);
      expect(await reserve(b, nine, 1)).toEqual({ ok: true });
      await reserve(a, ten, 1);
      const tenToEleven = await store.reservationsBetween(a, new Date(ten.start), new Date(ten.end));
      expect(tenToEleven.map((r) => r.start)).toEqual([ten.start]);
      expect(await store.reservationsBetween(a, new Date('2026-06-15T13:30:00Z'), new Date('2026-06-15T14:00:01Z'))).toHaveLength(2);
    });

    it('refuses a slot that ends before it starts and a capacity below one', async () => {
      await expect(reserve(tenant(), slot(ten.end, ten.start), 1)).rejects.toBeInstanceOf(DomainRuleViolated);
      await expect(reserve(tenant(), nine, 0)).rejects.toBeInstanceOf(DomainRuleViolated);
    });

    it('lets exactly two of twenty parallel leads take a slot of capacity 2', async () => {
      const t = tenant();
      const results = await Promise.all(Array.from({ length: 20 }, () => reserve(t, nine, 2)));
      expect(results.filter((r) => r.ok)).toHaveLength(2);
      expect(results.filter((r) => !r.ok)).toEqual(Array.from({ length: 18 }, () => ({ ok: false, reason: 'full' })));
      const held = await store.reservationsBetween(t, day.from, day.to);
      expect(held.map((r) => r.technicianIndex).sort()).toEqual([0, 1]);
    });

    it('takes one place for parallel retries of one booking', async () => {
      const t = tenant();
      const bookingId = randomUUID();
      const results = await Promise.all(Array.from({ length: 10 }, () => reserve(t, nine, 3, bookingId)));
      expect(results.every((r) => r.ok)).toBe(true);
      expect(await store.reservationsBetween(t, day.from, day.to)).toHaveLength(1);
    });

    it('never double-books a technician when jobs of different lengths race', async () => {
      const t = tenant();
      const racers = Array.from({ length: 24 }, (_, i) => reserve(t, [nine, ten, nineToEleven][i % 3]!, 3));
      await Promise.all(racers);
      const held = await store.reservationsBetween(t, day.from, day.to);
      expectNoDoubleBooking(held, 3);
      // 9–10 and 10–11 each fit three places; whatever won, every technician is busy both hours
      const busyAt = (s: Slot) => held.filter((r) => Date.parse(r.start) < Date.parse(s.end) && Date.parse(r.end) > Date.parse(s.start)).length;
      expect([busyAt(nine), busyAt(ten)]).toEqual([3, 3]);
    });
  });
}
