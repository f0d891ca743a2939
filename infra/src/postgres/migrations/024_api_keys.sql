-- Analytics API keys. Only a SHA-256 of each key is kept: keys are 256 random bits, so a fast hash
-- is as safe as a slow one and lets a request find its key with one indexed lookup.
CREATE TABLE IF NOT EXISTS api_keys (
  key_hash   text PRIMARY KEY,
  tenant_id  text NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  label      text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS api_keys_by_tenant ON api_keys (tenant_id);
