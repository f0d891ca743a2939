import type { Qualification } from '../qualification/qualification';
import type { CallbackOutcome, CrmKind, FollowUpStep, LeadEvent, OwnerAlertChannel, Slot, TextKind } from './events';

export type Attempt = {
  attemptId: string;
  requestId: string;
  attempt: number;
  kind: TextKind;
  outcome: 'pending' | 'sent' | 'failed-retryable' | 'failed';
};

export type FollowUp = { step: FollowUpStep; dueAt: string; status: 'scheduled' | 'fired' | 'skipped' | 'cancelled'; firedAt?: string };

export type CallbackAttempt = { attemptId: string; outcome: CallbackOutcome | null };

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
  booking: null,
  synced: [],
});

function followUp(state: LeadState, step: FollowUpStep, change: Partial<FollowUp>): LeadState {
  return { ...state, followUps: state.followUps.map((f) => (f.step === step ? { ...f, ...change } : f)) };
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
    case 'OwnerAlerted':
      return { ...state, ownerAlerts: [...state.ownerAlerts, event.data.channel] };
    case 'OwnerAlertFailed':
      return state;
    case 'FollowUpScheduled':
      return { ...state, followUps: [...state.followUps.filter((f) => f.step !== event.data.step), { step: event.data.step, dueAt: event.data.dueAt, status: 'scheduled' }] };
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
      return { ...state, callbacks: [...state.callbacks, { attemptId: event.data.attemptId, outcome: null }] };
    case 'CallbackEnded':
      return { ...state, callbacks: state.callbacks.map((c) => (c.attemptId === event.data.attemptId ? { ...c, outcome: event.data.outcome } : c)) };
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
