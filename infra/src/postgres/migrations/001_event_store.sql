-- The event store: the source of truth. One stream per lead; one global order for readers.

CREATE TABLE IF NOT EXISTS streams (
  stream_id text PRIMARY KEY,
  version   bigint NOT NULL
);

CREATE TABLE IF NOT EXISTS events (
  -- Global order is (transaction_id, position): positions are handed out at insert time, but a
  -- transaction may commit after a later one, so readers only read below the oldest transaction
  -- still in flight (pg_snapshot_xmin) and never skip an event that commits late.
  position        bigserial PRIMARY KEY,
  transaction_id  xid8 NOT NULL DEFAULT pg_current_xact_id(),
  event_id        uuid NOT NULL UNIQUE,
  stream_id       text NOT NULL,
  stream_version  bigint NOT NULL,
  type            text NOT NULL,
  data            jsonb NOT NULL,
  metadata        jsonb NOT NULL,
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (stream_id, stream_version)
);

CREATE INDEX IF NOT EXISTS events_global_order ON events (transaction_id, position);

-- History is immutable: the database itself refuses to change or remove an event.
CREATE OR REPLACE FUNCTION events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events are append-only: % refused', TG_OP USING ERRCODE = 'restrict_violation';
END $$;

DROP TRIGGER IF EXISTS events_no_update_or_delete ON events;
CREATE TRIGGER events_no_update_or_delete BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION events_are_append_only();
DROP TRIGGER IF EXISTS events_no_truncate ON events;
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION events_are_append_only();

CREATE TABLE IF NOT EXISTS checkpoints (
  name       text PRIMARY KEY,
  position   text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
