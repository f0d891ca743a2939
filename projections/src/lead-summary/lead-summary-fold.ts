import { ERASED } from '@naxio/infra';
import type { LeadEvent } from '@naxio/domain';
import { type LeadRowChanges, LeadRows } from '../lead-rows';
import type { DataRead, ProjectedEvent } from '../projection';

/** A row of `lead_summary` (its generated `status` aside); times as ISO 8601 text. */
export type LeadSummaryRow = {
  lead_id: string;
  tenant_id: string;
  caller_phone: string | null;
  urgency: string | null;
  service_type: string | null;
  sub_category: string | null;
  in_area: boolean | null;
  intent: string | null;
  summary: string | null;
  opened_at: string;
  missed_at: string | null;
  first_text_at: string | null;
  replied_at: string | null;
  qualified_at: string | null;
  escalated_at: string | null;
  booked_at: string | null;
  synced_at: string | null;
  opted_out_at: string | null;
  handed_off_at: string | null;
  call_count: number;
  last_activity_at: string;
};

type LeadSummaryEvent = ProjectedEvent & LeadEvent;

export const leadSummaryReads: DataRead = {
  CallMissed: ['callerPhone', 'calledAt'],
  TextSent: ['kind'],
  ReplyReceived: ['callerPhone', 'receivedAt'],
  LeadQualified: ['urgency', 'serviceType', 'subCategory', 'serviceArea', 'intent', 'summary'],
};

// Envelope times are written as toISOString() does, whose text sorts as the times do; a row read back
// from PostgreSQL has another form, and is parsed. A rebuild compares a million of them.
const ISO_UTC_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const isLater = (a: string, b: string) => (ISO_UTC_MS.test(a) && ISO_UTC_MS.test(b) ? a > b : Date.parse(a) > Date.parse(b));

/** A lead's first event opens its row; every event is activity, and the row keeps the latest time. */
function opened(event: ProjectedEvent): LeadSummaryRow {
  const at = event.metadata.occurredAt;
  return {
    lead_id: event.metadata.streamId,
    tenant_id: event.metadata.tenantId,
    caller_phone: null,
    urgency: null,
    service_type: null,
    sub_category: null,
    in_area: null,
    intent: null,
    summary: null,
    opened_at: at,
    missed_at: null,
    first_text_at: null,
    replied_at: null,
    qualified_at: null,
    escalated_at: null,
    booked_at: null,
    synced_at: null,
    opted_out_at: null,
    handed_off_at: null,
    call_count: 0,
    last_activity_at: at,
  };
}

/** The first number seen; a forgotten one (erased) gives way to the number of a caller who returns. */
const callerPhone = (row: LeadSummaryRow, phone: string) => (row.caller_phone !== null && row.caller_phone !== ERASED ? row.caller_phone : phone);

/** Texts to the owner (alerts) are not texts to the lead. */
const isTextToLead = (kind: string) => kind !== 'owner-alert';

/** Step times are the first time the lead got there; the qualification is the latest one. */
function step(row: LeadSummaryRow, event: LeadSummaryEvent): void {
  const at = event.metadata.occurredAt;
  if (isLater(at, row.last_activity_at)) row.last_activity_at = at;
  switch (event.type) {
    case 'CallMissed':
      row.caller_phone = callerPhone(row, event.data.callerPhone);
      row.missed_at ??= event.data.calledAt;
      row.call_count += 1;
      return;
    case 'TextSent':
      if (isTextToLead(event.data.kind)) row.first_text_at ??= at;
      return;
    case 'ReplyReceived':
      row.caller_phone = callerPhone(row, event.data.callerPhone);
      row.replied_at ??= event.data.receivedAt;
      return;
    case 'LeadQualified': {
      const q = event.data;
      Object.assign(row, { urgency: q.urgency, service_type: q.serviceType, sub_category: q.subCategory, in_area: q.serviceArea.inArea, intent: q.intent, summary: q.summary });
      row.qualified_at ??= at;
      return;
    }
    case 'EmergencyEscalated':
      row.escalated_at ??= at;
      return;
    case 'CallbackBooked':
      row.booked_at ??= at;
      return;
    case 'JobSynced':
      row.synced_at ??= at;
      return;
    // An opt-out stands until the caller opts back in; the column holds the standing one.
    case 'LeadOptedOut':
      row.opted_out_at = at;
      return;
    case 'LeadOptedIn':
      row.opted_out_at = null;
      return;
    case 'LeadHandedOff':
      row.handed_off_at ??= at;
      return;
    case 'TextSendAttempted':
    case 'TextSendFailed':
    case 'OwnerAlerted':
    case 'OwnerAlertFailed':
    case 'FollowUpScheduled':
    case 'FollowUpsScheduled':
    case 'FollowUpFired':
    case 'FollowUpDeferred':
    case 'FollowUpSkipped':
    case 'FollowUpsCancelled':
    case 'SlotsOffered':
    case 'CallbackStarted':
    case 'CallbackEnded':
    case 'CallDialled':
    case 'JobSyncFailed':
      return;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/** The rows the events leave behind, from the rows they found (by lead id). */
export function foldLeadSummary(loaded: ReadonlyMap<string, LeadSummaryRow>, events: readonly ProjectedEvent[]): LeadRowChanges<LeadSummaryRow> {
  const rows = new LeadRows(loaded, (row) => ({ ...row }));
  for (const event of events) {
    const lead = event.metadata.streamId;
    let row = rows.edit(lead);
    if (!row) rows.add(lead, (row = opened(event)));
    step(row, event as LeadSummaryEvent);
  }
  return rows.changes();
}
