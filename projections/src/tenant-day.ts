/**
 * SQL for "the tenant's local calendar day of a moment": the tenant's IANA zone from its stored
 * configuration, UTC for a tenant we do not know. `at` and `tenant` are SQL expressions.
 */
export const tenantLocalDay = (at: string, tenant: string) =>
  `((${at})::timestamptz AT TIME ZONE COALESCE((SELECT config->>'timezone' FROM tenants WHERE id = ${tenant}), 'UTC'))::date`;

/** SQL for the tenant's own trade; "unknown" for a tenant we do not know. */
export const tenantTrade = (tenant: string) => `COALESCE((SELECT config->>'trade' FROM tenants WHERE id = ${tenant}), 'unknown')`;
