import {
  type EventStore,
  type LeadEvent,
  type LeadCommand,
  type LeadState,
  type StartText,
  type SmsGateway,
  type SmsOutcome,
  type TextKind,
  type TextSendAttempted,
  leadDecider,
  unsettledAttempt,
} from '@naxio/domain';
import { createHash } from 'node:crypto';
import { type CommandContext, type Handled, handleCommand } from '@naxio/infra';

export type SendDeps = {
  store: EventStore;
  sms: SmsGateway;
  /** Public base URL of the ingress; delivery receipts come back to it and can confirm a send. */
  receiptBaseUrl?: string;
};

export type TextRequest = {
  leadId: string;
  kind: TextKind;
  /** What asked for the text (an event id, a follow-up step): one text per request. */
  requestId: string;
  text: string;
  /** Only for texts to someone other than the lead (the owner). */
  recipient?: string;
  context: () => CommandContext;
};

export type TextResult = 'sent' | 'not-allowed' | 'blocked' | 'rejected' | 'unknown';

/** A send that failed for a reason that may pass; thrown so the consumer redelivers and we try again. */
export class TransientSendFailure extends Error {
  readonly code = 'transient_send_failure';
}

export function receiptUrl(base: string, leadId: string, attemptId: string): string {
  const url = new URL('/webhooks/telnyx/messaging', base);
  url.searchParams.set('lead', leadId);
  url.searchParams.set('attempt', attemptId);
  return url.toString();
}

function outcomeCommand(attemptId: string, result: SmsOutcome, at: Date): LeadCommand | undefined {
  switch (result.outcome) {
    case 'accepted':
      return { type: 'ConfirmTextSent', data: { attemptId, messageId: result.messageId, confirmedBy: 'api', at: at.toISOString() } };
    case 'blocked':
      return { type: 'RecordOptOut', data: { source: 'carrier-block', detail: result.detail, attemptId } };
    case 'rejected':
      return { type: 'RecordTextFailure', data: { attemptId, code: result.code, detail: result.detail, retryable: false } };
    case 'unavailable':
      return { type: 'RecordTextFailure', data: { attemptId, code: result.code, detail: result.detail, retryable: true } };
    case 'unknown':
      // Left pending on purpose: the delivery receipt confirms it if the text went out.
      return undefined;
    default: {
      const _exhaustive: never = result;
      return _exhaustive;
    }
  }
}

const resultOf: Record<SmsOutcome['outcome'], TextResult> = {
  accepted: 'sent',
  blocked: 'blocked',
  rejected: 'rejected',
  unavailable: 'rejected',
  unknown: 'unknown',
};

/**
 * Every text to a lead (or about it, to the owner) goes through here: claim, send, record. The claim
 * (TextSendAttempted) is stored before the SMS request leaves, so a redelivery or a second consumer
 * finds it and sends nothing; the decider refuses texts to leads that opted out or were handed off.
 * See the README for what happens when the process dies between the send and the record.
 */
export async function sendLeadText(deps: SendDeps, request: TextRequest): Promise<TextResult> {
  const { leadId, kind, requestId, text, recipient } = request;
  const claim: LeadCommand = { type: 'StartText', data: { kind, requestId, text, ...(recipient ? { recipient } : {}) } };
  const started = await handleCommand(deps.store, leadDecider, leadId, claim, request.context());
  const attempt = started.events.find((e): e is TextSendAttempted => e.type === 'TextSendAttempted') ?? unsettledClaim(started, claim);
  if (!attempt) return 'not-allowed';
  return deliverAttempt(deps, leadId, attempt, request.context);
}

/** A claim of this request that a crash left with no outcome (see `unsettledAttempt`), from the stream the refusal was decided on. */
function unsettledClaim(refused: Handled<LeadEvent, LeadState>, claim: StartText): TextSendAttempted | undefined {
  const attemptId = unsettledAttempt(claim, refused.state);
  if (!attemptId) return undefined;
  return (refused.history as unknown as LeadEvent[]).find((e): e is TextSendAttempted => e.type === 'TextSendAttempted' && e.data.attemptId === attemptId);
}

/** The vendor's name for one attempt: the same on every re-send, and only letters and digits. */
export const onceKeyOf = (leadId: string, attemptId: string): string => `text-${createHash('sha256').update(`${leadId}/${attemptId}`).digest('hex')}`;

/** Sends an attempt that is already claimed in the stream, and records what the carrier said. */
export async function deliverAttempt(deps: SendDeps, leadId: string, attempt: TextSendAttempted, context: () => CommandContext): Promise<TextResult> {
  const { attemptId, from, to, kind } = attempt.data;
  const receipt = deps.receiptBaseUrl ? { receiptUrl: receiptUrl(deps.receiptBaseUrl, leadId, attemptId) } : {};
  const result = await deps.sms.send({ from, to, text: attempt.data.text, onceKey: onceKeyOf(leadId, attemptId), ...receipt });
  const recordContext = context();
  const command = outcomeCommand(attemptId, result, recordContext.now);
  if (command) await handleCommand(deps.store, leadDecider, leadId, command, recordContext);
  if (result.outcome === 'unavailable') throw new TransientSendFailure(`${kind} text for lead ${leadId} failed: ${result.detail}`);
  return resultOf[result.outcome];
}
