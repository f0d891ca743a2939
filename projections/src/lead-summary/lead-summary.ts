import { ERASED } from '@naxio/infra';
import type { PoolClient } from 'pg';
import { type LeadEvent, leadEventTypes, type StoredEvent } from '@naxio/domain';
import type { Projection } from '../projection';

/** The first number seen; a forgotten one (erased) gives way to the number of a caller who returns. */
const CALLER_PHONE = `caller_phone = COALESCE(NULLIF(caller_phone, '${ERASED}'), $2)`;

type LeadStoredEvent = StoredEvent & LeadEvent;

/** Texts to the owner (alerts) are not texts to the lead. */
const isTextToLead = (kind: string) => kind !== 'owner-alert';

/** Every event is activity on the lead: the row exists from its first event and keeps the latest time. */
async function touch(tx: PoolClient, event: StoredEvent): Promise<void> {
  await tx.query(
    `INSERT INTO lead_summary AS s (lead_id, tenant_id, opened_at, last_activity_at) VALUES ($1, $2, $3, $3)
     ON CONFLICT (lead_id) DO UPDATE SET last_activity_at = GREATEST(s.last_activity_at, EXCLUDED.last_activity_at)`,
    [event.metadata.streamId, event.metadata.tenantId, event.metadata.occurredAt],
  );
}

/** One UPDATE of the lead's row: `set` uses $2, $3… for `values`. */
async function update(tx: PoolClient, event: StoredEvent, set: string, values: unknown[]): Promise<void> {
  await tx.query(`UPDATE lead_summary SET ${set} WHERE lead_id = $1`, [event.metadata.streamId, ...values]);
}

/** Step times are the first time the lead got there; the qualification is the latest one. */
async function applyStep(event: LeadStoredEvent, tx: PoolClient): Promise<void> {
  const at = event.metadata.occurredAt;
  switch (event.type) {
    case 'CallMissed':
      return update(tx, event, `${CALLER_PHONE}, missed_at = COALESCE(missed_at, $3), call_count = call_count + 1`, [
        event.data.callerPhone,
        event.data.calledAt,
      ]);
    case 'TextSent':
      return isTextToLead(event.data.kind) ? update(tx, event, 'first_text_at = COALESCE(first_text_at, $2)', [at]) : undefined;
    case 'ReplyReceived':
      return update(tx, event, `${CALLER_PHONE}, replied_at = COALESCE(replied_at, $3)`, [
        event.data.callerPhone,
        event.data.receivedAt,
      ]);
    case 'LeadQualified': {
      const q = event.data;
      return update(
        tx,
        event,
        'urgency = $2, service_type = $3, sub_category = $4, in_area = $5, intent = $6, summary = $7, qualified_at = COALESCE(qualified_at, $8)',
        [q.urgency, q.serviceType, q.subCategory, q.serviceArea.inArea, q.intent, q.summary, at],
      );
    }
    case 'EmergencyEscalated':
      return update(tx, event, 'escalated_at = COALESCE(escalated_at, $2)', [at]);
    case 'CallbackBooked':
      return update(tx, event, 'booked_at = COALESCE(booked_at, $2)', [at]);
    case 'JobSynced':
      return update(tx, event, 'synced_at = COALESCE(synced_at, $2)', [at]);
    // An opt-out stands until the caller opts back in; the column holds the standing one.
    case 'LeadOptedOut':
      return update(tx, event, 'opted_out_at = $2', [at]);
    case 'LeadOptedIn':
      return update(tx, event, 'opted_out_at = NULL', []);
    case 'LeadHandedOff':
      return update(tx, event, 'handed_off_at = COALESCE(handed_off_at, $2)', [at]);
    case 'TextSendAttempted':
    case 'TextSendFailed':
    case 'OwnerAlerted':
    case 'OwnerAlertFailed':
    case 'FollowUpScheduled':
    case 'FollowUpFired':
    case 'FollowUpDeferred':
    case 'FollowUpSkipped':
    case 'FollowUpsCancelled':
    case 'SlotsOffered':
    case 'CallbackStarted':
    case 'CallbackEnded':
    case 'JobSyncFailed':
      return;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/** One row per lead: who, what they need, how far they got and when. */
export const leadSummary: Projection = {
  name: 'lead_summary',
  handles: leadEventTypes,
  tables: ['lead_summary'],
  async apply(event, tx) {
    await touch(tx, event);
    await applyStep(event as LeadStoredEvent, tx);
  },
};
