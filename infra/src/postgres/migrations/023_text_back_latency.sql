-- Time from the missed call reaching us (the CallMissed webhook's receipt, metadata.occurredAt) to
-- the opening text being recorded as sent (TextSent.recordedAt). One row per lead; a lead whose
-- opening text never went out keeps texted_at null and stays visible as unanswered.
CREATE TABLE IF NOT EXISTS text_back_latency (
  lead_id    text PRIMARY KEY,
  tenant_id  text NOT NULL,
  -- tenant-local day of missed_at, for date ranges in the tenant's own calendar
  day        date NOT NULL,
  missed_at  timestamptz NOT NULL,
  texted_at  timestamptz,
  latency_ms bigint GENERATED ALWAYS AS (round(extract(epoch FROM texted_at - missed_at) * 1000)::bigint) STORED
);

CREATE INDEX IF NOT EXISTS text_back_latency_by_tenant_day ON text_back_latency (tenant_id, day);
