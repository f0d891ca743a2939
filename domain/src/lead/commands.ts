import type { Qualification, ServiceType } from '../qualification/qualification';
import type { CallDialled, CallbackOutcome, CrmKind, FollowUpStep, MissedCallReason, OptOutSource, OwnerAlertChannel, Slot, TextKind } from './events';

export type RecordMissedCall = {
  type: 'RecordMissedCall';
  data: { callSessionId: string; callerPhone: string; tenantPhone: string; reason: MissedCallReason; calledAt: string };
};

/**
 * Claim the right to send one text, before sending it. `requestId` names what asked (the CallMissed
 * or ReplyReceived event, a follow-up step); attempts are numbered under it and a request is retried
 * only after a failure we were told of. `recipient` is only for texts to someone other than the lead.
 */
export type StartText = {
  type: 'StartText';
  data: { kind: TextKind; requestId: string; text: string; recipient?: string };
};

export type ConfirmTextSent = {
  type: 'ConfirmTextSent';
  /** `at`: when it was confirmed; the follow-up sequence is timed from the opening text. */
  data: { attemptId: string; messageId: string; confirmedBy: 'api' | 'receipt'; at: string };
};

export type RecordTextFailure = {
  type: 'RecordTextFailure';
  data: { attemptId: string; code: string; detail: string; retryable: boolean };
};

export type RecordOptOut = {
  type: 'RecordOptOut';
  data: { source: OptOutSource; detail: string; attemptId?: string };
};

export type RecordReply = {
  type: 'RecordReply';
  data: { messageId: string; callerPhone: string; tenantPhone: string; text: string; receivedAt: string };
};

/** The owner takes the lead over (from the dashboard or API): automation stops for this lead. */
export type HandOffLead = { type: 'HandOffLead'; data: { by: string; note: string | null } };

/** What the qualifier concluded from the conversation up to `replyMessageId`. */
export type QualifyLead = {
  type: 'QualifyLead';
  data: { replyMessageId: string; qualification: Qualification; ownerPhone: string };
};

/** Claim the owner's emergency phone call before dialling, so it happens once. */
export type StartOwnerCall = { type: 'StartOwnerCall'; data: { requestId: string } };

export type RecordOwnerAlertFailure = {
  type: 'RecordOwnerAlertFailure';
  data: { channel: OwnerAlertChannel; code: string; detail: string };
};

/**
 * A follow-up step's time came. `allowedFrom` is the earliest moment the recipient may be texted
 * (quiet hours, worked out from their location by the caller); `text` is the step's wording.
 */
export type FireFollowUp = {
  type: 'FireFollowUp';
  data: { step: FollowUpStep; now: string; allowedFrom: string; text: string };
};

/** Claim Jordan's call to the lead (one per lead), with the slots the call will offer. */
export type StartCallback = { type: 'StartCallback'; data: { requestId: string; slots: Slot[] } };

export type RecordCallbackEnded = { type: 'RecordCallbackEnded'; data: { attemptId: string; outcome: CallbackOutcome; detail: string } };

/** Telnyx took a claimed call (see CallDialled); recorded once, whoever saw it first. */
export type RecordCallDialled = { type: 'RecordCallDialled'; data: CallDialled['data'] };

/** Slots put to the lead by text (after an unanswered call, or instead of one). */
export type OfferSlots = { type: 'OfferSlots'; data: { slots: Slot[] } };

/** The lead said yes to an offered slot, by voice or by text; the calendar has already reserved it. */
export type BookSlot = {
  type: 'BookSlot';
  data: { bookingId: string; slotId: string; address: string | null; serviceType: ServiceType; summary: string; via: 'voice' | 'sms' };
};

export type RecordJobSynced = { type: 'RecordJobSynced'; data: { bookingId: string; crm: CrmKind; customerId: string; jobId: string; customerReused: boolean } };

export type RecordJobSyncFailed = { type: 'RecordJobSyncFailed'; data: { bookingId: string; crm: CrmKind; code: string; detail: string } };

export type LeadCommand =
  | StartCallback
  | RecordCallbackEnded
  | RecordCallDialled
  | OfferSlots
  | BookSlot
  | RecordJobSynced
  | RecordJobSyncFailed
  | FireFollowUp
  | RecordMissedCall
  | StartText
  | QualifyLead
  | StartOwnerCall
  | RecordOwnerAlertFailure
  | ConfirmTextSent
  | RecordTextFailure
  | RecordOptOut
  | RecordReply
  | HandOffLead;

export type { TextKind };
