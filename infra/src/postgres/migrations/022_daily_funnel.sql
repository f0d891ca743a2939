-- The recovery funnel per tenant, trade and tenant-local day of the lead's first missed call.
-- daily_funnel_leads remembers which stages each lead has reached, so a lead is counted once per
-- stage however often an event repeats, and can be moved when qualification names its trade.
CREATE TABLE IF NOT EXISTS daily_funnel_leads (
  lead_id   text PRIMARY KEY,
  tenant_id text NOT NULL,
  trade     text NOT NULL,
  -- null until the lead's first missed call: a lead that only ever texted is not in the funnel.
  day       date,
  reached   text[] NOT NULL DEFAULT '{}'
);

CREATE TABLE IF NOT EXISTS daily_funnel (
  tenant_id text NOT NULL,
  day       date NOT NULL,
  trade     text NOT NULL,
  stage     text NOT NULL CHECK (stage IN ('missed', 'texted', 'replied', 'qualified', 'escalated', 'booked', 'synced')),
  leads     integer NOT NULL,
  PRIMARY KEY (tenant_id, day, trade, stage)
);
