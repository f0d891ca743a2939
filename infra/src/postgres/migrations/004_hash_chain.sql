-- Tamper evidence: every event carries the hash of its own content and of the event before it in
-- its stream, so an edit made behind the append-only trigger's back breaks the chain visibly.
ALTER TABLE events ADD COLUMN IF NOT EXISTS hash text;
ALTER TABLE events ADD COLUMN IF NOT EXISTS previous_hash text;
ALTER TABLE streams ADD COLUMN IF NOT EXISTS last_hash text;
