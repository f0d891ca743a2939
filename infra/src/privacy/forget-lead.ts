import type { Pool } from 'pg';
import type { EventStore } from '@naxio/domain';
import { leadStreamId } from '../ids';
import { LEAD_KEY_CACHE_MS } from './cached-lead-key-store';
import type { LeadKeyStore } from './lead-key-store';
import { clearPersonalFieldsOf } from './personal-data';
import { type ScrubbedReadModel, scrubReadModels } from './read-model-scrub';

export type ForgetLeadRequest = { tenantId: string; phone: string };

export type ForgetLeadDeps = {
  keys: LeadKeyStore;
  /** Only read (the stream is never changed): the plain store, or the sealing one. */
  store: EventStore;
  /** The database holding the read models; without it none are scrubbed. */
  pool?: Pool;
  /** How long other processes may still hold the deleted key (default LEAD_KEY_CACHE_MS). */
  keysCachedForMs?: number;
};

export type ForgetOutcome = 'forgotten' | 'already-forgotten' | 'unknown-lead';

export type ForgetLeadResult = {
  outcome: ForgetOutcome;
  leadId: string;
  tenantId: string;
  /** Events in the lead's stream: all still there, their sealed personal fields now read as erased. */
  events: number;
  /** Events whose personal values were stored in clear (before sealing began): forgetting cannot erase them. */
  eventsStoredInClear: number;
  readModels: ScrubbedReadModel[];
};

/**
 * Erases one caller's personal data at one contractor: deletes the lead's key (so every sealed value
 * in the log, its backups and anything copied from it reads as erased) and, once no process can still
 * hold the key, scrubs the read models.
 * Safe to repeat: a forgotten lead has its read models scrubbed again (a rebuild may have been in flight).
 */
export async function forgetLead(request: ForgetLeadRequest, deps: ForgetLeadDeps): Promise<ForgetLeadResult> {
  const leadId = leadStreamId(request.tenantId, request.phone);
  const keyDeleted = await deps.keys.forget(leadId);
  const { events } = await deps.store.readStream(leadId);
  const base = { leadId, tenantId: request.tenantId, events: events.length, eventsStoredInClear: events.filter((e) => clearPersonalFieldsOf(e).length > 0).length };
  if (!keyDeleted && events.length === 0) return { ...base, outcome: 'unknown-lead', readModels: [] };
  // A process that read the key just before it was deleted may still open and project the lead's
  // values until its cache lets go: the scrub comes after that.
  if (keyDeleted && deps.pool) await new Promise((resolve) => setTimeout(resolve, deps.keysCachedForMs ?? LEAD_KEY_CACHE_MS));
  const readModels = deps.pool ? await scrubReadModels(deps.pool, leadId) : [];
  return { ...base, outcome: keyDeleted ? 'forgotten' : 'already-forgotten', readModels };
}
