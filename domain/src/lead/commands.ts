import type { MissedCallReason, OptOutSource, TextKind } from './events';

export type RecordMissedCall = {
  type: 'RecordMissedCall';
  data: { callSessionId: string; callerPhone: string; tenantPhone: string; reason: MissedCallReason; calledAt: string };
};

/** Ask for the opening text: allowed once per lead, retried only after a failure we know of. */
export type StartOpeningText = {
  type: 'StartOpeningText';
  /** `requestId` names what asked (the CallMissed event); attempts are numbered under it. */
  data: { requestId: string; text: string };
};

export type ConfirmTextSent = {
  type: 'ConfirmTextSent';
  data: { attemptId: string; messageId: string; confirmedBy: 'api' | 'receipt' };
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

export type LeadCommand =
  | RecordMissedCall
  | StartOpeningText
  | ConfirmTextSent
  | RecordTextFailure
  | RecordOptOut
  | RecordReply
  | HandOffLead;

export type { TextKind };
