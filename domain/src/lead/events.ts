/**
 * Everything that can happen to a lead. A lead is one caller's relationship with one contractor:
 * its stream holds every call, text and answer between them, so an auditor reads one stream.
 * Event data is what the business needs to remember; envelope facts (ids, times, tenant) live in
 * the metadata the store adds.
 */

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

export type TextKind = 'opening';

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

export type OptOutSource = 'carrier-block';

export type LeadOptedOut = {
  type: 'LeadOptedOut';
  data: { source: OptOutSource; detail: string };
};

/** The caller texted the contractor's number. Opens a lead when there is none. */
export type ReplyReceived = {
  type: 'ReplyReceived';
  data: { messageId: string; callerPhone: string; tenantPhone: string; text: string; receivedAt: string };
};

export type LeadEvent = CallMissed | TextSendAttempted | TextSent | TextSendFailed | LeadOptedOut | ReplyReceived;
export type LeadEventType = LeadEvent['type'];

export const leadEventTypes: readonly LeadEventType[] = [
  'CallMissed',
  'TextSendAttempted',
  'TextSent',
  'TextSendFailed',
  'LeadOptedOut',
  'ReplyReceived',
];
