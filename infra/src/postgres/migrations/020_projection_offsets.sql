-- Where each read model stands. A projection applies a Kafka message and records it here in the same
-- transaction, so a redelivered message changes nothing.

-- One row per projection. Live projectors take a key-share lock on it for every message; a rebuild
-- takes it FOR UPDATE to swap tables while no live write is in flight. `rebuilt_through_*` is the
-- store position the last rebuild replayed up to: live consumption applies only events after it.
CREATE TABLE IF NOT EXISTS projection_status (
  projection          text PRIMARY KEY,
  rebuilt_through_tx  numeric(20, 0),
  rebuilt_through_seq numeric(20, 0),
  rebuilt_at          timestamptz
);

-- Per (projection, topic, partition): the last Kafka offset consumed (where a restart seeks to) and
-- the store position of the last event applied (what decides whether a message is new: the relay
-- publishes in store order, so within a partition positions only grow, and a republished batch
-- repeats positions already seen).
CREATE TABLE IF NOT EXISTS projection_offsets (
  projection   text NOT NULL REFERENCES projection_status (projection) ON DELETE CASCADE,
  topic        text NOT NULL,
  partition    integer NOT NULL,
  kafka_offset bigint NOT NULL DEFAULT -1,
  position_tx  numeric(20, 0),
  position_seq numeric(20, 0),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (projection, topic, partition)
);
