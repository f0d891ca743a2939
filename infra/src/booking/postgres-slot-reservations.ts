import type { Pool } from 'pg';
import {
  BookingIdReused,
  checkReserveRequest,
  isSameReservation,
  type ReserveRequest,
  type ReserveResult,
  type SlotReservation,
  type SlotReservations,
} from '@naxio/domain';

type ReservationRow = {
  booking_id: string;
  tenant_id: string;
  lead_id: string;
  slot_id: string;
  slot_start: Date;
  slot_end: Date;
  technician_index: number;
};

const toReservation = (row: ReservationRow): SlotReservation => ({
  bookingId: row.booking_id,
  tenantId: row.tenant_id,
  leadId: row.lead_id,
  slotId: row.slot_id,
  start: row.slot_start.toISOString(),
  end: row.slot_end.toISOString(),
  technicianIndex: row.technician_index,
});

/**
 * Reservations in PostgreSQL (migration 010). Capacity is the database's to keep: the exclusion
 * constraint refuses a second overlapping place for one technician, and each attempt is a single
 * INSERT … ON CONFLICT DO NOTHING, which waits for a competing uncommitted insert and then either
 * stands aside or goes ahead. So twenty leads racing for a slot with two places get exactly two,
 * without a lock table, a retry loop or a long transaction.
 */
export class PostgresSlotReservations implements SlotReservations {
  constructor(private readonly pool: Pool) {}

  async reserve(request: ReserveRequest): Promise<ReserveResult> {
    checkReserveRequest(request);
    if (await this.alreadyHeld(request)) return { ok: true };
    for (const technicianIndex of await this.freeTechnicians(request)) {
      const inserted = await this.pool.query(
        `INSERT INTO slot_reservations (booking_id, tenant_id, lead_id, slot_id, slot_start, slot_end, technician_index)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT DO NOTHING`,
        [request.bookingId, request.tenantId, request.leadId, request.slot.slotId, request.slot.start, request.slot.end, technicianIndex],
      );
      if (inserted.rowCount === 1) return { ok: true };
      // Someone took this technician first, or a concurrent retry of this very booking did.
      if (await this.alreadyHeld(request)) return { ok: true };
    }
    return { ok: false, reason: 'full' };
  }

  async release(bookingId: string): Promise<boolean> {
    const deleted = await this.pool.query('DELETE FROM slot_reservations WHERE booking_id = $1', [bookingId]);
    return (deleted.rowCount ?? 0) > 0;
  }

  async reservationsBetween(tenantId: string, from: Date, to: Date): Promise<SlotReservation[]> {
    const result = await this.pool.query<ReservationRow>(
      `SELECT * FROM slot_reservations
        WHERE tenant_id = $1 AND slot_start < $3 AND slot_end > $2
        ORDER BY slot_start, technician_index`,
      [tenantId, from, to],
    );
    return result.rows.map(toReservation);
  }

  /** True when this booking already holds exactly this slot; a booking id on another slot is a bug. */
  private async alreadyHeld(request: ReserveRequest): Promise<boolean> {
    const found = await this.pool.query<ReservationRow>('SELECT * FROM slot_reservations WHERE booking_id = $1', [request.bookingId]);
    const row = found.rows[0];
    if (!row) return false;
    if (!isSameReservation(toReservation(row), request)) throw new BookingIdReused(request.bookingId);
    return true;
  }

  /** Technicians 0..capacity-1 with nothing overlapping the slot now; the INSERT has the last word. */
  private async freeTechnicians(request: ReserveRequest): Promise<number[]> {
    const result = await this.pool.query<{ technician_index: number }>(
      `SELECT i AS technician_index FROM generate_series(0, $2::int - 1) AS i
        WHERE NOT EXISTS (
          SELECT 1 FROM slot_reservations r
           WHERE r.tenant_id = $1 AND r.technician_index = i
             AND tstzrange(r.slot_start, r.slot_end, '[)') && tstzrange($3, $4, '[)'))
        ORDER BY i`,
      [request.tenantId, request.capacity, request.slot.start, request.slot.end],
    );
    return result.rows.map((r) => r.technician_index);
  }
}
