import { DomainRuleViolated } from '../decider/decider';
import type { ConfirmTextSent, RecordOptOut, RecordTextFailure, StartText } from './commands';
import type { LeadEvent, TextKind } from './events';
import { scheduleFollowUps } from './decide-follow-ups';
import { type LeadState, reachableCaller } from './state';

/** A request that failed this often with a transient error is left alone rather than hammered. */
export const MAX_TEXT_ATTEMPTS = 3;

/** Texts that go to someone else, or that answer an opt-out, do not need the lead's consent. */
const needsConsent = (kind: TextKind) => kind !== 'owner-alert' && kind !== 'opt-out-confirmation';

function recipientOf(command: StartText, state: LeadState): string | null {
  if (command.data.kind === 'owner-alert') return command.data.recipient ?? null;
  return reachableCaller(state);
}

function mayText(command: StartText, state: LeadState): boolean {
  const { kind } = command.data;
  if (state.status !== 'open' || !state.tenantPhone) return false;
  if (needsConsent(kind) && (state.optedOut || state.handedOff)) return false;
  // One confirmation per keyword opt-out, and only then; a carrier block means the carrier answered.
  if (kind === 'opt-out-confirmation') return state.optOutSource === 'keyword';
  return true;
}

/** The opening text is once per lead whatever asked for it; every other text once per request. */
const attemptsFor = (command: StartText, state: LeadState) =>
  state.attempts.filter((a) => a.kind === command.data.kind && (a.kind === 'opening' || a.requestId === command.data.requestId));

export function startText(command: StartText, state: LeadState): LeadEvent[] {
  const to = recipientOf(command, state);
  if (!to || !mayText(command, state)) return [];
  const { kind, requestId } = command.data;
  const earlier = attemptsFor(command, state);
  // Only a failure we were told about may be retried: a pending attempt may already have reached the
  // phone, and a second copy of a text is worse for the contractor than a late one.
  if (!earlier.every((a) => a.outcome === 'failed-retryable') || earlier.length >= MAX_TEXT_ATTEMPTS) return [];
  const attempt = earlier.length + 1;
  return [
    {
      type: 'TextSendAttempted',
      data: { attemptId: `${requestId}#${attempt}`, attempt, kind, from: state.tenantPhone!, to, text: command.data.text },
    },
  ];
}

/**
 * The claimed attempt of this request that has no outcome yet, if the text may still go: what a
 * process that died between claim and record leaves behind. Its sender re-sends it under the same
 * vendor key, so a text that did leave is answered, not repeated.
 */
export function unsettledAttempt(command: StartText, state: LeadState): string | undefined {
  if (!recipientOf(command, state) || !mayText(command, state)) return undefined;
  return attemptsFor(command, state).find((a) => a.outcome === 'pending')?.attemptId;
}

export function attemptOrThrow(state: LeadState, attemptId: string) {
  const attempt = state.attempts.find((a) => a.attemptId === attemptId);
  if (!attempt) throw new DomainRuleViolated('unknown_attempt', `no text attempt ${attemptId} on this lead`);
  return attempt;
}

export function confirmTextSent(command: ConfirmTextSent, state: LeadState): LeadEvent[] {
  const { at, ...confirmation } = command.data;
  const attempt = attemptOrThrow(state, confirmation.attemptId);
  // The API answer and the delivery receipt both confirm; whichever comes second changes nothing.
  if (attempt.outcome === 'sent') return [];
  const sent: LeadEvent = { type: 'TextSent', data: { ...confirmation, kind: attempt.kind } };
  return attempt.kind === 'opening' ? [sent, ...scheduleFollowUps(state, at)] : [sent];
}

export function recordTextFailure(command: RecordTextFailure, state: LeadState): LeadEvent[] {
  const attempt = attemptOrThrow(state, command.data.attemptId);
  if (attempt.outcome !== 'pending') return [];
  return [{ type: 'TextSendFailed', data: { ...command.data, kind: attempt.kind } }];
}

export function recordOptOut(command: RecordOptOut, state: LeadState): LeadEvent[] {
  const { attemptId, ...optOut } = command.data;
  const events: LeadEvent[] = [];
  const attempt = attemptId ? attemptOrThrow(state, attemptId) : undefined;
  if (attempt?.outcome === 'pending') {
    const failure = { attemptId: attempt.attemptId, kind: attempt.kind, code: 'opted_out', detail: optOut.detail, retryable: false };
    events.push({ type: 'TextSendFailed', data: failure });
  }
  // A block on an alert to the owner says nothing about the lead's consent.
  if (!state.optedOut && attempt?.kind !== 'owner-alert') events.push({ type: 'LeadOptedOut', data: optOut });
  return events;
}
