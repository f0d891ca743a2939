import type { LeadEvent, LeadEventType } from '@naxio/domain';

/** What a personal value reads as once its lead's key is gone. */
export const ERASED = '[erased]' as const;
export type Erased = typeof ERASED;

export const isErased = (value: unknown): value is Erased => value === ERASED;

type DataOf<T extends LeadEventType> = Extract<LeadEvent, { type: T }>['data'];

/** Every lead event type must be listed: a new event type does not compile until someone decides. */
export type PersonalFieldTable = { readonly [T in LeadEventType]: readonly (keyof DataOf<T> & string)[] };

/**
 * The fields of each event's data that are sealed under the lead's key. The rule: the lead's phone
 * number, anything the lead or the owner wrote or said, anything derived from it in words (summaries,
 * addresses), and free-text details that a vendor may fill by echoing the message or number. Left
 * clear: ids, enumerations, times, codes, the tenant's own numbers, the owner's number, and the
 * coarse service area (zip, city), which the quiet-hours rules and coverage figures still need and
 * which no longer point at a person once the number and words are gone.
 */
export const personalFields: PersonalFieldTable = {
  CallMissed: ['callerPhone'],
  // `from` is always the tenant's number; `to` is the lead (or, for an owner alert, the owner, whose
  // alert text is about the lead anyway): one rule per field keeps the table auditable.
  TextSendAttempted: ['to', 'text'],
  TextSent: [],
  // A carrier block's detail names both numbers ("cannot be sent from … to …").
  TextSendFailed: ['detail'],
  // A keyword opt-out's detail is the lead's own message.
  LeadOptedOut: ['detail'],
  LeadOptedIn: [],
  ReplyReceived: ['callerPhone', 'text'],
  LeadQualified: ['summary'],
  EmergencyEscalated: ['summary', 'address'],
  OwnerAlerted: [],
  OwnerAlertFailed: ['detail'],
  FollowUpScheduled: [],
  FollowUpsScheduled: [],
  FollowUpFired: [],
  FollowUpDeferred: [],
  FollowUpSkipped: [],
  FollowUpsCancelled: [],
  SlotsOffered: [],
  CallbackStarted: [],
  CallbackEnded: ['detail'],
  CallDialled: [],
  CallbackBooked: ['address', 'summary'],
  // customerId is the CRM's own id for the person: erasure in the CRM is the CRM's job.
  JobSynced: [],
  JobSyncFailed: ['detail'],
  LeadHandedOff: ['note'],
};

const table: Readonly<Record<string, readonly string[]>> = personalFields;

/** The personal fields of an event type; none for a type that is not a lead event. */
export function personalFieldsOf(type: string): readonly string[] {
  return Object.hasOwn(table, type) ? (table[type] ?? []) : [];
}
