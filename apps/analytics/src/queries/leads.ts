import type { Pool } from 'pg';
import type { LeadCursor } from '../cursor';

export type LeadFilters = {
  status?: string;
  urgency?: string;
  serviceType?: string;
  /** Tenant-local days, inclusive, of when the lead opened. */
  from?: string;
  to?: string;
};

type Row = Record<string, unknown> & { opened_at: Date; lead_id: string };

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : null);

/** A lead_summary row as the API shows it. */
export function toLead(row: Row) {
  return {
    leadId: row.lead_id,
    callerPhone: row.caller_phone,
    status: row.status,
    urgency: row.urgency,
    serviceType: row.service_type,
    subCategory: row.sub_category,
    inArea: row.in_area,
    intent: row.intent,
    summary: row.summary,
    callCount: row.call_count,
    openedAt: row.opened_at.toISOString(),
    missedAt: iso(row.missed_at),
    firstTextAt: iso(row.first_text_at),
    repliedAt: iso(row.replied_at),
    qualifiedAt: iso(row.qualified_at),
    escalatedAt: iso(row.escalated_at),
    bookedAt: iso(row.booked_at),
    syncedAt: iso(row.synced_at),
    optedOutAt: iso(row.opted_out_at),
    handedOffAt: iso(row.handed_off_at),
    lastActivityAt: iso(row.last_activity_at),
  };
}

export type Lead = ReturnType<typeof toLead>;

/**
 * One page, newest first. Order is (opened_at, lead_id) — both fixed when the lead opens — and the
 * cursor is the last row's pair, so pages neither repeat nor skip a lead while others keep arriving.
 */
export async function listLeads(pool: Pool, tenant: { tenantId: string; timezone: string }, filters: LeadFilters, limit: number, after?: LeadCursor) {
  const { rows } = await pool.query<Row>(
    `SELECT * FROM lead_summary
      WHERE tenant_id = $1
        AND ($2::text IS NULL OR status = $2)
        AND ($3::text IS NULL OR urgency = $3)
        AND ($4::text IS NULL OR service_type = $4)
        AND ($5::date IS NULL OR opened_at >= ($5::date)::timestamp AT TIME ZONE $10)
        AND ($6::date IS NULL OR opened_at < ($6::date + 1)::timestamp AT TIME ZONE $10)
        AND ($7::timestamptz IS NULL OR (opened_at, lead_id) < ($7::timestamptz, $8::text))
      ORDER BY opened_at DESC, lead_id DESC
      LIMIT $9`,
    [tenant.tenantId, filters.status ?? null, filters.urgency ?? null, filters.serviceType ?? null, filters.from ?? null, filters.to ?? null, after?.openedAt ?? null, after?.leadId ?? null, limit + 1, tenant.timezone],
  );
  const page = rows.slice(0, limit).map(toLead);
  const last = page.at(-1);
  return { leads: page, next: rows.length > limit && last ? { openedAt: last.openedAt, leadId: last.leadId } : undefined };
}

/** The tenant's lead, or undefined: another tenant's lead is as absent as one that does not exist. */
export async function findLead(pool: Pool, tenantId: string, leadId: string): Promise<Lead | undefined> {
  const { rows } = await pool.query<Row>('SELECT * FROM lead_summary WHERE lead_id = $1 AND tenant_id = $2', [leadId, tenantId]);
  return rows[0] ? toLead(rows[0]) : undefined;
}
