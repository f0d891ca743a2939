/**
 * Everything that can happen to a lead. A lead is one caller's relationship with one contractor:
 * its stream holds every call, text and answer between them, so an auditor reads one stream.
 * Event data is what the business needs to remember; envelope facts (ids, times, tenant) live in
 * the metadata the store adds.
 */
import type { Qualification, QualificationSource, ServiceType } from '../qualification/qualification';

export type MissedCallReason = 'timeout' | 'no_answer' | 'originator_cancel' | 'user_busy' | 'voicemail';

export type CallMissed = {
  type: 'CallMissed';
  data: {
    callSessionId: string;
    callerPhone: string;
    tenantPhone: string;
    reason: MissedCallReason;
    calledAt: string;
    /** True when the lead was already open: the caller tried again before we got back to them. */
    repeatCall: boolean;
  };
};

/** Why a text went to the lead; every sender in the system goes through the same attempt events. */
export type TextKind =
  | 'opening'
  | 'conversation'
  | 'follow-up'
  | 'opt-out-confirmation'
  | 'help'
  | 'slot-offer'
  | 'booking-confirmation'
  /** To the owner, not the lead: an emergency alert. */
  | 'owner-alert';

/** Recorded before the SMS request leaves, so a crash mid-send can never lead to a second text. */
export type TextSendAttempted = {
  type: 'TextSendAttempted';
  data: { attemptId: string; attempt: number; kind: TextKind; from: string; to: string; text: string };
};

export type TextSent = {
  type: 'TextSent';
  data: { attemptId: string; kind: TextKind; messageId: string; confirmedBy: 'api' | 'receipt' };
};

export type TextSendFailed = {
  type: 'TextSendFailed';
  data: { attemptId: string; kind: TextKind; code: string; detail: string; retryable: boolean };
};

export type OptOutSource = 'carrier-block' | 'keyword';

export type LeadOptedOut = {
  type: 'LeadOptedOut';
  data: { source: OptOutSource; detail: string };
};

/** The caller texted the contractor's number. Opens a lead when there is none. */
export type ReplyReceived = {
  type: 'ReplyReceived';
  data: { messageId: string; callerPhone: string; tenantPhone: string; text: string; receivedAt: string };
};

/** START or UNSTOP after an opt-out: texts may go to this lead again. */
export type LeadOptedIn = { type: 'LeadOptedIn'; data: { source: 'keyword'; messageId: string } };

export type LeadQualified = {
  type: 'LeadQualified';
  /** `replyMessageId`: the latest reply the qualification read (the whole conversation up to it). */
  data: Qualification & { replyMessageId: string };
};

export type EmergencyEscalated = {
  type: 'EmergencyEscalated';
  data: { ownerPhone: string; summary: string; address: string | null; decidedBy: QualificationSource };
};

export type OwnerAlertChannel = 'sms' | 'call';

export type OwnerAlerted = { type: 'OwnerAlerted'; data: { channel: OwnerAlertChannel; reference: string } };

export type OwnerAlertFailed = {
  type: 'OwnerAlertFailed';
  data: { channel: OwnerAlertChannel; code: string; detail: string };
};

export type FollowUpStep = 1 | 2 | 3 | 4;

/** One step put on the lead's clock: how streams recorded the sequence before FollowUpsScheduled. Read, no longer written. */
export type FollowUpScheduled = { type: 'FollowUpScheduled'; data: { step: FollowUpStep; dueAt: string } };

/**
 * The whole follow-up sequence put on the lead's clock, once the opening text is first confirmed.
 * One event rather than one per step: every lead in a storm gets it, and every consumer reads it.
 */
export type FollowUpsScheduled = { type: 'FollowUpsScheduled'; data: { steps: Array<{ step: FollowUpStep; dueAt: string }> } };

/** The step's time came and it was claimed; the text attempt that goes with it follows. */
export type FollowUpFired = { type: 'FollowUpFired'; data: { step: FollowUpStep; firedAt: string } };

/** Due inside the recipient's quiet hours: moved to when their window opens. */
export type FollowUpDeferred = {
  type: 'FollowUpDeferred';
  /** quiet-hours: outside the recipient's legal window; spacing: too soon after the previous step. */
  data: { step: FollowUpStep; until: string; reason: 'quiet-hours' | 'spacing' };
};

/** Fired so late (downtime) that a later step is already due: sent steps never bunch up. */
export type FollowUpSkipped = { type: 'FollowUpSkipped'; data: { step: FollowUpStep; reason: 'overtaken' } };

export type FollowUpStopReason = 'replied' | 'opted-out' | 'booked' | 'handed-off';

export type FollowUpsCancelled = { type: 'FollowUpsCancelled'; data: { reason: FollowUpStopReason; steps: FollowUpStep[] } };

export type Slot = { slotId: string; start: string; end: string };

export type SlotsOffered = { type: 'SlotsOffered'; data: { slots: Slot[]; via: 'voice' | 'sms' } };

/** Claimed before Jordan dials, so a redelivery never rings the lead twice; webhooks find it by attemptId. */
export type CallbackStarted = { type: 'CallbackStarted'; data: { attemptId: string; attempt: number } };

export type CallbackOutcome = 'booked' | 'declined' | 'no-answer' | 'voicemail' | 'hung-up' | 'failed';

export type CallbackEnded = { type: 'CallbackEnded'; data: { attemptId: string; outcome: CallbackOutcome; detail: string } };

/** Which of our outbound calls a claim is for: Jordan's call to the lead, or the owner's emergency alert. */
export type CallPurpose = 'callback' | 'owner-alert';

/**
 * Telnyx took a claimed call: the dial's answer said so, or the call's first webhook (call.initiated)
 * did, or Telnyx still listed it as live when a claim came back after a crash. A claim with this
 * event is never dialled again; one without it was never dialled, as far as anyone can tell.
 */
export type CallDialled = {
  type: 'CallDialled';
  data: { purpose: CallPurpose; claimId: string; callControlId: string; seenBy: 'dial-answer' | 'call-webhook' | 'live-calls' };
};

export type CallbackBooked = {
  type: 'CallbackBooked';
  data: {
    bookingId: string;
    slot: Slot;
    address: string | null;
    serviceType: ServiceType;
    summary: string;
    bookedVia: 'voice' | 'sms';
  };
};

export type CrmKind = 'jobber' | 'housecallpro';

export type JobSynced = {
  type: 'JobSynced';
  data: { bookingId: string; crm: CrmKind; customerId: string; jobId: string; customerReused: boolean };
};

export type JobSyncFailed = { type: 'JobSyncFailed'; data: { bookingId: string; crm: CrmKind; code: string; detail: string } };

/** The owner took the lead over: no automated text, call or follow-up from here on. */
export type LeadHandedOff = { type: 'LeadHandedOff'; data: { by: string; note: string | null } };

export type LeadEvent =
  | CallMissed
  | TextSendAttempted
  | TextSent
  | TextSendFailed
  | LeadOptedOut
  | LeadOptedIn
  | ReplyReceived
  | LeadQualified
  | EmergencyEscalated
  | OwnerAlerted
  | OwnerAlertFailed
  | FollowUpScheduled
  | FollowUpsScheduled
  | FollowUpFired
  | FollowUpDeferred
  | FollowUpSkipped
  | FollowUpsCancelled
  | SlotsOffered
  | CallbackStarted
  | CallbackEnded
  | CallDialled
  | CallbackBooked
  | JobSynced
  | JobSyncFailed
  | LeadHandedOff;
export type LeadEventType = LeadEvent['type'];

export const leadEventTypes = [
  'CallMissed',
  'TextSendAttempted',
  'TextSent',
  'TextSendFailed',
  'LeadOptedOut',
  'LeadOptedIn',
  'ReplyReceived',
  'LeadQualified',
  'EmergencyEscalated',
  'OwnerAlerted',
  'OwnerAlertFailed',
  'FollowUpScheduled',
  'FollowUpsScheduled',
  'FollowUpFired',
  'FollowUpDeferred',
  'FollowUpSkipped',
  'FollowUpsCancelled',
  'SlotsOffered',
  'CallbackStarted',
  'CallbackEnded',
  'CallDialled',
  'CallbackBooked',
  'JobSynced',
  'JobSyncFailed',
  'LeadHandedOff',
] as const satisfies readonly LeadEventType[];

// Fails to compile when an event type is missing from the list above.
type _AllListed = Exclude<LeadEventType, (typeof leadEventTypes)[number]> extends never ? true : never;
const _allListed: _AllListed = true;
void _allListed;
