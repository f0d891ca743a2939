-- One data key per lead, outside the append-only events table. The personal fields of a lead's
-- events (phone numbers, message texts, addresses, summaries) are sealed with it; deleting the row
-- (`naxio forget`) erases them in every copy of the log while the events themselves stay.
-- In production `key` would itself be wrapped by a KMS key (envelope encryption).
CREATE TABLE IF NOT EXISTS lead_keys (
  lead_id    text PRIMARY KEY,
  tenant_id  text NOT NULL,
  key        bytea NOT NULL CHECK (octet_length(key) = 32),
  created_at timestamptz NOT NULL DEFAULT now()
);
