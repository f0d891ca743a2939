-- Booked slots. Each row holds one technician's place for [slot_start, slot_end); a tenant's places
-- are numbered 0..capacity-1. The exclusion constraint is the capacity guarantee: one technician is
-- never in two overlapping places, whatever the slot lengths (a two-hour repair blocks both one-hour
-- tune-ups it covers) and even after business hours or slot lengths change. A unique key on
-- (tenant, slot_start, technician) would only stop identical starts.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE IF NOT EXISTS slot_reservations (
  -- One place per booking: a retried reservation finds its row instead of taking another.
  booking_id        text PRIMARY KEY,
  tenant_id         text NOT NULL,
  lead_id           text NOT NULL,
  slot_id           text NOT NULL,
  slot_start        timestamptz NOT NULL,
  slot_end          timestamptz NOT NULL,
  technician_index  integer NOT NULL CHECK (technician_index >= 0),
  reserved_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (slot_end > slot_start),
  CONSTRAINT slot_reservations_one_place_per_technician EXCLUDE USING gist (
    tenant_id WITH =,
    technician_index WITH =,
    tstzrange(slot_start, slot_end, '[)') WITH &&
  )
);

CREATE INDEX IF NOT EXISTS slot_reservations_by_tenant_time ON slot_reservations (tenant_id, slot_start);
