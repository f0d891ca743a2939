import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { Slot } from '@naxio/domain';
import { freshDatabase, type TestDatabase } from '../../../test/support/postgres';
import { createPool } from '../postgres/pool';
import { PostgresSlotReservations } from './postgres-slot-reservations';
import { expectNoDoubleBooking, slotReservationsContract } from './slot-reservations.contract';

// A pool wider than the racers, so twenty reservations really run at once.
slotReservationsContract('PostgreSQL', async () => {
  const db = await freshDatabase('slots_contract');
  const pool = createPool(db.url, 30);
  return {
    reservations: new PostgresSlotReservations(pool),
    teardown: async () => {
      await pool.end();
      await db.close();
    },
  };
});

describe('PostgreSQL slot reservations', () => {
  let db: TestDatabase;
  let pool: Pool;
  beforeAll(async () => {
    db = await freshDatabase('slots_pg');
    pool = createPool(db.url, 30);
  });
  afterAll(async () => {
    await pool.end();
    await db.close();
  });

  const slot: Slot = { slotId: 'slot-9', start: '2026-06-15T13:00:00.000Z', end: '2026-06-15T14:00:00.000Z' };

  it('refuses, in the database itself, a second overlapping place for one technician', async () => {
    const tenantId = `tenant-${randomUUID()}`;
    const insert = (bookingId: string, start: string, end: string) =>
      pool.query(
        `INSERT INTO slot_reservations (booking_id, tenant_id, lead_id, slot_id, slot_start, slot_end, technician_index)
         VALUES ($1, $2, 'lead', 'slot', $3, $4, 0)`,
        [bookingId, tenantId, start, end],
      );
    await insert(randomUUID(), slot.start, slot.end);
    await expect(insert(randomUUID(), '2026-06-15T13:30:00Z', '2026-06-15T14:30:00Z')).rejects.toMatchObject({ code: '23P01' });
    // back-to-back is not an overlap
    await expect(insert(randomUUID(), slot.end, '2026-06-15T15:00:00Z')).resolves.toBeDefined();
  });

  it('holds capacity across rounds of parallel reservations from separate adapters', async () => {
    const tenantId = `tenant-${randomUUID()}`;
    // Two adapters on separate pools, as two processes would be.
    const other = createPool(db.url, 30);
    try {
      const adapters = [new PostgresSlotReservations(pool), new PostgresSlotReservations(other)];
      for (const capacity of [1, 2, 3]) {
        const racing = Array.from({ length: 20 }, (_, i) =>
          adapters[i % 2]!.reserve({ tenantId, slot, leadId: `lead-${i}`, bookingId: randomUUID(), capacity }),
        );
        const won = (await Promise.all(racing)).filter((r) => r.ok).length;
        // each round raises capacity by one place, so exactly one more lead gets in
        expect({ capacity, won }).toEqual({ capacity, won: 1 });
      }
      const held = await adapters[0]!.reservationsBetween(tenantId, new Date(slot.start), new Date(slot.end));
      expect(held).toHaveLength(3);
      expectNoDoubleBooking(held, 3);
    } finally {
      await other.end();
    }
  });
});
