-- Pending follow-up steps, kept from the FollowUp* events of the lead streams (the events are the
-- truth; this is the index that lets a scheduler find what is due without reading every stream).
CREATE TABLE IF NOT EXISTS follow_up_timers (
  lead_id       text NOT NULL,
  step          int NOT NULL,
  tenant_id     text NOT NULL,
  due_at        timestamptz NOT NULL,
  -- A scheduler that took the timer owns it until then; after a crash another one takes over.
  claimed_until timestamptz,
  PRIMARY KEY (lead_id, step)
);

CREATE INDEX IF NOT EXISTS follow_up_timers_due ON follow_up_timers (due_at);
