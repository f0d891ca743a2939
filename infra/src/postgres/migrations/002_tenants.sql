-- Tenant configuration, validated before it is written (see tenants/tenant-config.ts).
CREATE TABLE IF NOT EXISTS tenants (
  id         text PRIMARY KEY,
  config     jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A Telnyx number rings exactly one contractor.
CREATE TABLE IF NOT EXISTS tenant_phone_numbers (
  phone_number text PRIMARY KEY,
  tenant_id    text NOT NULL REFERENCES tenants (id) ON DELETE CASCADE
);
