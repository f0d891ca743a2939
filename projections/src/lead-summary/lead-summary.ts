import { leadEventTypes } from '@naxio/domain';
import { type LeadRowChanges, type LeadTable, leadsWithHistory, loadLeadRows, saveLeadRows } from '../lead-rows';
import type { Projection } from '../projection';
import { foldLeadSummary, leadSummaryReads, type LeadSummaryRow } from './lead-summary-fold';

const table: LeadTable<LeadSummaryRow> = {
  name: 'lead_summary',
  columns: [
    'lead_id', 'tenant_id', 'caller_phone', 'urgency', 'service_type', 'sub_category', 'in_area', 'intent', 'summary', 'opened_at', 'missed_at',
    'first_text_at', 'replied_at', 'qualified_at', 'escalated_at', 'booked_at', 'synced_at', 'opted_out_at', 'handed_off_at', 'call_count', 'last_activity_at',
  ],
};

/** One row per lead: who, what they need, how far they got and when. */
export const leadSummary: Projection<Map<string, LeadSummaryRow>, LeadRowChanges<LeadSummaryRow>> = {
  name: 'lead_summary',
  handles: leadEventTypes,
  tables: [table.name],
  reads: leadSummaryReads,
  load: (tx, events) => loadLeadRows(tx, table, leadsWithHistory(events)),
  fold: foldLeadSummary,
  save: (tx, rows) => saveLeadRows(tx, table, rows),
};
