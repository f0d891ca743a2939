import type { PoolClient } from 'pg';

/** What read models need of a tenant's stored configuration: its calendar and its own trade. */
export type TenantSettings = { timezone: string; trade: string };

/** A tenant we have no configuration for counts in UTC under an "unknown" trade. */
const UNKNOWN_TENANT: TenantSettings = { timezone: 'UTC', trade: 'unknown' };

export type Tenants = ReadonlyMap<string, TenantSettings>;

export const settingsOf = (tenants: Tenants, tenantId: string): TenantSettings => tenants.get(tenantId) ?? UNKNOWN_TENANT;

/** The settings of these tenants, read once per batch of events. */
export async function loadTenants(tx: PoolClient, tenantIds: Iterable<string>): Promise<Tenants> {
  const ids = [...new Set(tenantIds)];
  if (ids.length === 0) return new Map();
  const { rows } = await tx.query<{ id: string; timezone: string | null; trade: string | null }>(
    `SELECT id, config->>'timezone' AS timezone, config->>'trade' AS trade FROM tenants WHERE id = ANY($1::text[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, { timezone: r.timezone ?? UNKNOWN_TENANT.timezone, trade: r.trade ?? UNKNOWN_TENANT.trade }]));
}

const MINUTE_MS = 60_000;

/**
 * Per zone, a formatter (costly to build) and the days of minutes already asked about: a rebuild asks
 * for hundreds of thousands of days, mostly of the same few minutes. Days change on whole minutes
 * (every zone's offset has been whole minutes since 1972), so the minute decides the day.
 */
const calendars = new Map<string, { format: Intl.DateTimeFormat; days: Map<number, string> }>();

/** The calendar day (YYYY-MM-DD) of a moment in an IANA time zone. */
export function localDay(at: string, timezone: string): string {
  let calendar = calendars.get(timezone);
  if (!calendar) {
    const format = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' });
    calendars.set(timezone, (calendar = { format, days: new Map() }));
  }
  const minute = Math.floor(Date.parse(at) / MINUTE_MS);
  let day = calendar.days.get(minute);
  if (day === undefined) {
    if (calendar.days.size >= 100_000) calendar.days.clear();
    calendar.days.set(minute, (day = calendar.format.format(minute * MINUTE_MS)));
  }
  return day;
}
