import type { CallMissed, TextSent } from '@naxio/domain';
import { type LeadRowChanges, LeadRows } from '../lead-rows';
import type { DataRead, ProjectedEvent } from '../projection';
import { localDay, settingsOf, type Tenants } from '../tenants';

type LatencyEvent = ProjectedEvent & (CallMissed | TextSent);

export const textBackLatencyReads: DataRead = { TextSent: ['kind'] };

/** A row of `text_back_latency` (its generated `latency_ms` aside). */
export type LatencyRow = { lead_id: string; tenant_id: string; day: string; missed_at: string; texted_at: string | null };

export type LatencyLoaded = { leads: ReadonlyMap<string, LatencyRow>; tenants: Tenants };

/**
 * The clock starts when the missed call reached us (the CallMissed webhook's receipt,
 * metadata.occurredAt: what the contractor can act on) and stops when the opening text is recorded as
 * sent (TextSent.recordedAt). Only the lead's first call counts: a repeat call gets no new opening text.
 */
function time(rows: LeadRows<LatencyRow>, event: LatencyEvent, tenants: Tenants): void {
  const { streamId, tenantId, occurredAt } = event.metadata;
  switch (event.type) {
    case 'CallMissed':
      if (!rows.get(streamId)) rows.add(streamId, { lead_id: streamId, tenant_id: tenantId, day: localDay(occurredAt, settingsOf(tenants, tenantId).timezone), missed_at: occurredAt, texted_at: null });
      return;
    case 'TextSent':
      if (event.data.kind === 'opening' && rows.get(streamId)?.texted_at === null) rows.edit(streamId)!.texted_at = event.recordedAt;
      return;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/** The rows the events leave behind, from the rows they found (by lead id). */
export function foldTextBackLatency(loaded: LatencyLoaded, events: readonly ProjectedEvent[]): LeadRowChanges<LatencyRow> {
  const rows = new LeadRows(loaded.leads, (row) => ({ ...row }));
  for (const event of events) time(rows, event as LatencyEvent, loaded.tenants);
  return rows.changes();
}
