import { type Decider, DomainRuleViolated } from '../decider/decider';
import type { HandOffLead, LeadCommand, RecordMissedCall, RecordOptOut, StartOpeningText } from './commands';
import type { LeadEvent } from './events';
import { type LeadState, attemptsOf, evolveLead, initialLeadState } from './state';

/** A number that failed this often with a transient error is left alone rather than hammered. */
export const MAX_TEXT_ATTEMPTS = 3;

function recordMissedCall(command: RecordMissedCall, state: LeadState): LeadEvent[] {
  // Telnyx can tell us about one call twice (hangup plus voicemail, or a retried webhook).
  if (state.callSessions.includes(command.data.callSessionId)) return [];
  return [{ type: 'CallMissed', data: { ...command.data, repeatCall: state.status === 'open' } }];
}

function startOpeningText(command: StartOpeningText, state: LeadState): LeadEvent[] {
  if (state.status !== 'open' || state.optedOut || state.handedOff || !state.callerPhone || !state.tenantPhone) return [];
  const attempts = attemptsOf(state, 'opening');
  // Only a failure we were told about may be retried: a pending attempt may already have reached the
  // phone, and a second opening text is worse for the contractor than a late one.
  const canRetry = attempts.every((a) => a.outcome === 'failed-retryable');
  if (!canRetry || attempts.length >= MAX_TEXT_ATTEMPTS) return [];
  return [
    {
      type: 'TextSendAttempted',
      data: {
        attemptId: `${command.data.requestId}#${attempts.length + 1}`,
        attempt: attempts.length + 1,
        kind: 'opening',
        from: state.tenantPhone,
        to: state.callerPhone,
        text: command.data.text,
      },
    },
  ];
}

function attemptOrThrow(state: LeadState, attemptId: string) {
  const attempt = state.attempts.find((a) => a.attemptId === attemptId);
  if (!attempt) throw new DomainRuleViolated('unknown_attempt', `no text attempt ${attemptId} on this lead`);
  return attempt;
}

function recordOptOut(command: RecordOptOut, state: LeadState): LeadEvent[] {
  const { attemptId, ...optOut } = command.data;
  const events: LeadEvent[] = [];
  const attempt = attemptId ? attemptOrThrow(state, attemptId) : undefined;
  if (attempt?.outcome === 'pending') {
    const failure = { attemptId: attempt.attemptId, kind: attempt.kind, code: 'opted_out', detail: optOut.detail, retryable: false };
    events.push({ type: 'TextSendFailed', data: failure });
  }
  if (!state.optedOut) events.push({ type: 'LeadOptedOut', data: optOut });
  return events;
}

function handOff(command: HandOffLead, state: LeadState): LeadEvent[] {
  if (state.status === 'none') throw new DomainRuleViolated('no_such_lead', 'there is no lead to hand off');
  if (state.handedOff) return [];
  const pending = state.followUps.filter((f) => f.status === 'scheduled').map((f) => f.step);
  const cancelled: LeadEvent[] = pending.length > 0 ? [{ type: 'FollowUpsCancelled', data: { reason: 'handed-off', steps: pending } }] : [];
  return [{ type: 'LeadHandedOff', data: command.data }, ...cancelled];
}

export function decideLead(command: LeadCommand, state: LeadState): LeadEvent[] {
  switch (command.type) {
    case 'RecordMissedCall':
      return recordMissedCall(command, state);
    case 'StartOpeningText':
      return startOpeningText(command, state);
    case 'ConfirmTextSent': {
      const attempt = attemptOrThrow(state, command.data.attemptId);
      // The API answer and the delivery receipt both confirm; whichever comes second changes nothing.
      if (attempt.outcome === 'sent') return [];
      return [{ type: 'TextSent', data: { ...command.data, kind: attempt.kind } }];
    }
    case 'RecordTextFailure': {
      const attempt = attemptOrThrow(state, command.data.attemptId);
      if (attempt.outcome !== 'pending') return [];
      return [{ type: 'TextSendFailed', data: { ...command.data, kind: attempt.kind } }];
    }
    case 'RecordOptOut':
      return recordOptOut(command, state);
    case 'HandOffLead':
      return handOff(command, state);
    case 'RecordReply':
      // Telnyx retries a webhook it thinks we missed: one message, one event.
      return state.replies.includes(command.data.messageId) ? [] : [{ type: 'ReplyReceived', data: command.data }];
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export const leadDecider: Decider<LeadCommand, LeadEvent, LeadState> = {
  decide: decideLead,
  evolve: evolveLead,
  initialState: initialLeadState,
};
