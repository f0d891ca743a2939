import { type LeadRowChanges, type LeadTable, leadsWithHistory, loadLeadRows, saveLeadRows } from '../lead-rows';
import type { Projection } from '../projection';
import { loadTenants } from '../tenants';
import { foldTextBackLatency, type LatencyLoaded, type LatencyRow, textBackLatencyReads } from './text-back-latency-fold';

const table: LeadTable<LatencyRow> = { name: 'text_back_latency', columns: ['lead_id', 'tenant_id', 'day', 'missed_at', 'texted_at'] };

/** One row per missed-call lead: how long until the caller had our text (percentiles over these). */
export const textBackLatency: Projection<LatencyLoaded, LeadRowChanges<LatencyRow>> = {
  name: 'text_back_latency',
  handles: ['CallMissed', 'TextSent'],
  tables: [table.name],
  reads: textBackLatencyReads,
  async load(tx, events) {
    const leads = await loadLeadRows(tx, table, leadsWithHistory(events));
    const calls = events.filter((e) => e.type === 'CallMissed');
    return { leads, tenants: await loadTenants(tx, calls.map((e) => e.metadata.tenantId)) };
  },
  fold: foldTextBackLatency,
  save: (tx, rows) => saveLeadRows(tx, table, rows),
};
