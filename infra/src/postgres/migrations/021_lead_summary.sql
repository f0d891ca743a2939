-- One row per lead: what the owner sees in the dashboard's leads table. Written only by the
-- lead_summary projection; step timestamps are the first time the lead reached that step.
CREATE TABLE IF NOT EXISTS lead_summary (
  lead_id          text PRIMARY KEY,
  tenant_id        text NOT NULL,
  caller_phone     text,
  urgency          text,
  service_type     text,
  sub_category     text,
  in_area          boolean,
  intent           text,
  summary          text,
  opened_at        timestamptz NOT NULL,
  missed_at        timestamptz,
  first_text_at    timestamptz,
  replied_at       timestamptz,
  qualified_at     timestamptz,
  escalated_at     timestamptz,
  booked_at        timestamptz,
  synced_at        timestamptz,
  opted_out_at     timestamptz,
  handed_off_at    timestamptz,
  call_count       integer NOT NULL DEFAULT 0,
  last_activity_at timestamptz NOT NULL,
  -- The furthest step reached; a hand-off or a standing opt-out outranks the sales steps because
  -- they say whether automation may still touch the lead.
  status text GENERATED ALWAYS AS (
    CASE
      WHEN handed_off_at IS NOT NULL THEN 'handed-off'
      WHEN opted_out_at IS NOT NULL THEN 'opted-out'
      WHEN synced_at IS NOT NULL THEN 'synced'
      WHEN booked_at IS NOT NULL THEN 'booked'
      WHEN escalated_at IS NOT NULL THEN 'escalated'
      WHEN qualified_at IS NOT NULL THEN 'qualified'
      WHEN replied_at IS NOT NULL THEN 'replied'
      WHEN first_text_at IS NOT NULL THEN 'texted'
      ELSE 'new'
    END
  ) STORED
);

-- The leads list pages newest first with (opened_at, lead_id) as the cursor.
CREATE INDEX IF NOT EXISTS lead_summary_by_tenant_opened ON lead_summary (tenant_id, opened_at DESC, lead_id DESC);
