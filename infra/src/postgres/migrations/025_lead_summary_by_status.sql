-- The leads list filtered by status (GET /v1/leads?status=…) walks newest first until a page is full;
-- without this index a rare status would read the tenant's whole history to fill one page.
CREATE INDEX IF NOT EXISTS lead_summary_by_tenant_status_opened ON lead_summary (tenant_id, status, opened_at DESC, lead_id DESC);
