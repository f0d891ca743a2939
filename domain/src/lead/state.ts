import type { Qualification } from '../qualification/qualification';
import type { CallPurpose, CallbackOutcome, CrmKind, FollowUpStep, LeadEvent, OwnerAlertChannel, Slot, TextKind } from './events';

export type Attempt = {
  attemptId: string;
  requestId: string;
  attempt: number;
  kind: TextKind;
  outcome: 'pending' | 'sent' | 'failed-retryable' | 'failed';
};

export type FollowUp = { step: FollowUpStep; dueAt: string; status: 'scheduled' | 'fired' | 'skipped' | 'cancelled'; firedAt?: string };

export type CallbackAttempt = { attemptId: string; outcome: CallbackOutcome | null };

/** A call we claimed the right to place: claimed, then dialled (Telnyx took it), or ended without one. */
export type ClaimedCall = { purpose: CallPurpose; claimId: string; status: 'claimed' | 'dialled' | 'ended' };

export type LeadState = {
  status: 'none' | 'open';
  callerPhone: string | null;
  tenantPhone: string | null;
  callSessions: readonly string[];
  replies: readonly string[];
  lastReplyAt: string | null;
  optedOut: boolean;
  optOutSource: 'carrier-block' | 'keyword' | null;
  handedOff: boolean;
  attempts: readonly Attempt[];
  qualification: Qualification | null;
  escalated: boolean;
  ownerAlerts: readonly OwnerAlertChannel[];
  qualifiedReplies: readonly string[];
  followUps: readonly FollowUp[];
  offeredSlots: readonly Slot[];
  callbacks: readonly CallbackAttempt[];
  claimedCalls: readonly ClaimedCall[];
  booking: { bookingId: string; slot: Slot } | null;
  synced: readonly CrmKind[];
};

export const initialLeadState = (): LeadState => ({
  status: 'none',
  callerPhone: null,
  tenantPhone: null,
  callSessions: [],
  replies: [],
  lastReplyAt: null,
  optedOut: false,
  optOutSource: null,
  handedOff: false,
  attempts: [],
  qualification: null,
  escalated: false,
  ownerAlerts: [],
  qualifiedReplies: [],
  followUps: [],
  offeredSlots: [],
  callbacks: [],
  claimedCalls: [],
  booking: null,
  synced: [],
});

function scheduleSteps(state: LeadState, steps: ReadonlyArray<{ step: FollowUpStep; dueAt: string }>): LeadState {
  const scheduled = steps.map(({ step, dueAt }): FollowUp => ({ step, dueAt, status: 'scheduled' }));
  return { ...state, followUps: [...state.followUps.filter((f) => !steps.some((s) => s.step === f.step)), ...scheduled] };
}

function followUp(state: LeadState, step: FollowUpStep, change: Partial<FollowUp>): LeadState {
  return { ...state, followUps: state.followUps.map((f) => (f.step === step ? { ...f, ...change } : f)) };
}

function claimCall(state: LeadState, purpose: CallPurpose, claimId: string): LeadState {
  return { ...state, claimedCalls: [...state.claimedCalls, { purpose, claimId, status: 'claimed' }] };
}

function callStatus(state: LeadState, purpose: CallPurpose, claimId: string | null, status: ClaimedCall['status']): LeadState {
  const claimedCalls = state.claimedCalls.map((c) => (c.purpose === purpose && (claimId === null || c.claimId === claimId) ? { ...c, status } : c));
  return { ...state, claimedCalls };
}

function settle(state: LeadState, attemptId: string, outcome: Attempt['outcome']): LeadState {
  const attempts = state.attempts.map((a) => (a.attemptId === attemptId ? { ...a, outcome } : a));
  return { ...state, attempts };
}

export function evolveLead(state: LeadState, event: LeadEvent): LeadState {
  switch (event.type) {
    case 'CallMissed':
      return {
        ...state,
        status: 'open',
        callerPhone: event.data.callerPhone,
        tenantPhone: event.data.tenantPhone,
        callSessions: [...state.callSessions, event.data.callSessionId],
      };
    case 'TextSendAttempted': {
      const { attemptId, attempt, kind } = event.data;
      const requestId = attemptId.slice(0, attemptId.lastIndexOf('#'));
      return { ...state, attempts: [...state.attempts, { attemptId, requestId, attempt, kind, outcome: 'pending' }] };
    }
    case 'TextSent':
      return settle(state, event.data.attemptId, 'sent');
    case 'TextSendFailed':
      return settle(state, event.data.attemptId, event.data.retryable ? 'failed-retryable' : 'failed');
    case 'LeadOptedOut':
      return { ...state, optedOut: true, optOutSource: event.data.source };
    case 'LeadOptedIn':
      return { ...state, optedOut: false, optOutSource: null };
    case 'ReplyReceived':
      return {
        ...state,
        status: 'open',
        callerPhone: event.data.callerPhone,
        tenantPhone: event.data.tenantPhone,
        replies: [...state.replies, event.data.messageId],
        lastReplyAt: event.data.receivedAt,
      };
    case 'LeadQualified': {
      const { replyMessageId, ...qualification } = event.data;
      return { ...state, qualification, qualifiedReplies: [...state.qualifiedReplies, replyMessageId] };
    }
    case 'EmergencyEscalated':
      return { ...state, escalated: true };
    case 'OwnerAlerted': {
      const alerted = { ...state, ownerAlerts: [...state.ownerAlerts, event.data.channel] };
      return event.data.channel === 'call' ? claimCall(alerted, 'owner-alert', event.data.reference) : alerted;
    }
    case 'OwnerAlertFailed':
      // There is one owner call per lead, and a failure names no claim: it is that call's.
      return event.data.channel === 'call' ? callStatus(state, 'owner-alert', null, 'ended') : state;
    case 'FollowUpScheduled':
      return scheduleSteps(state, [event.data]);
    case 'FollowUpsScheduled':
      return scheduleSteps(state, event.data.steps);
    case 'FollowUpFired':
      return followUp(state, event.data.step, { status: 'fired', firedAt: event.data.firedAt });
    case 'FollowUpDeferred':
      return followUp(state, event.data.step, { dueAt: event.data.until });
    case 'FollowUpSkipped':
      return followUp(state, event.data.step, { status: 'skipped' });
    case 'FollowUpsCancelled':
      return { ...state, followUps: state.followUps.map((f) => (event.data.steps.includes(f.step) ? { ...f, status: 'cancelled' } : f)) };
    case 'SlotsOffered':
      return { ...state, offeredSlots: event.data.slots };
    case 'CallbackStarted':
      return claimCall({ ...state, callbacks: [...state.callbacks, { attemptId: event.data.attemptId, outcome: null }] }, 'callback', event.data.attemptId);
    case 'CallbackEnded': {
      const callbacks = state.callbacks.map((c) => (c.attemptId === event.data.attemptId ? { ...c, outcome: event.data.outcome } : c));
      return callStatus({ ...state, callbacks }, 'callback', event.data.attemptId, 'ended');
    }
    case 'CallDialled':
      return state.claimedCalls.some((c) => c.claimId === event.data.claimId && c.status === 'claimed')
        ? callStatus(state, event.data.purpose, event.data.claimId, 'dialled')
        : state;
    case 'CallbackBooked':
      return { ...state, booking: { bookingId: event.data.bookingId, slot: event.data.slot } };
    case 'JobSynced':
      return { ...state, synced: [...state.synced, event.data.crm] };
    case 'JobSyncFailed':
      return state;
    case 'LeadHandedOff':
      return { ...state, handedOff: true };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

export const attemptsOf = (state: LeadState, kind: TextKind) => state.attempts.filter((a) => a.kind === kind);

/**
 * Whether the lead's number can be dialled or texted. After `naxio forget` the number reads as an
 * erasure marker, and nothing automated may reach for it any more.
 */
export const reachableCaller = (state: LeadState): string | null =>
  state.callerPhone && /^\+[1-9]\d{7,14}$/.test(state.callerPhone) ? state.callerPhone : null;
