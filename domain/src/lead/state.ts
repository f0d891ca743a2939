import type { LeadEvent, TextKind } from './events';

export type Attempt = {
  attemptId: string;
  attempt: number;
  kind: TextKind;
  outcome: 'pending' | 'sent' | 'failed-retryable' | 'failed';
};

export type LeadState = {
  status: 'none' | 'open';
  callerPhone: string | null;
  tenantPhone: string | null;
  callSessions: readonly string[];
  replies: readonly string[];
  optedOut: boolean;
  attempts: readonly Attempt[];
};

export const initialLeadState = (): LeadState => ({
  status: 'none',
  callerPhone: null,
  tenantPhone: null,
  callSessions: [],
  replies: [],
  optedOut: false,
  attempts: [],
});

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
      return { ...state, attempts: [...state.attempts, { attemptId, attempt, kind, outcome: 'pending' }] };
    }
    case 'TextSent':
      return settle(state, event.data.attemptId, 'sent');
    case 'TextSendFailed':
      return settle(state, event.data.attemptId, event.data.retryable ? 'failed-retryable' : 'failed');
    case 'LeadOptedOut':
      return { ...state, optedOut: true };
    case 'ReplyReceived':
      return {
        ...state,
        status: 'open',
        callerPhone: event.data.callerPhone,
        tenantPhone: event.data.tenantPhone,
        replies: [...state.replies, event.data.messageId],
      };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

export const attemptsOf = (state: LeadState, kind: TextKind) => state.attempts.filter((a) => a.kind === kind);
