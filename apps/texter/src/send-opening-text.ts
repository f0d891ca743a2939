import {
  type Clock,
  type EventStore,
  type LeadCommand,
  type SmsGateway,
  type SmsOutcome,
  type StoredEvent,
  type TenantDirectory,
  type TextSendAttempted,
  leadDecider,
  renderOpeningText,
} from '@naxio/domain';
import { type CommandContext, handleCommand } from '@naxio/infra';
import type { CallMissed } from '@naxio/domain';

export type TexterDeps = {
  store: EventStore;
  tenants: TenantDirectory;
  sms: SmsGateway;
  clock: Clock;
  /** Public base URL of the ingress; delivery receipts come back to it and can confirm a send. */
  receiptBaseUrl?: string;
  log?: (message: string) => void;
};

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

function outcomeCommand(attemptId: string, result: SmsOutcome): LeadCommand | undefined {
  switch (result.outcome) {
    case 'accepted':
      return { type: 'ConfirmTextSent', data: { attemptId, messageId: result.messageId, confirmedBy: 'api' } };
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

/**
 * On CallMissed: record the attempt, send, record the outcome. The attempt is stored before the SMS
 * request leaves, so a redelivered CallMissed (or a second texter) finds it and sends nothing; see
 * the README for what happens when the process dies in between.
 */
export async function sendOpeningText(deps: TexterDeps, event: StoredEvent): Promise<void> {
  if (event.type !== 'CallMissed') return;
  const { streamId: leadId, tenantId, eventId, correlationId } = event.metadata;
  const call = (event as StoredEvent<'CallMissed', CallMissed['data']>).data;
  const tenant = await deps.tenants.byId(tenantId);
  if (!tenant) {
    deps.log?.(`texter: lead ${leadId} belongs to unknown tenant ${tenantId}; nothing sent`);
    return;
  }
  const context = (): CommandContext => ({ tenantId, now: deps.clock.now(), correlationId, causationId: eventId });

  const { text } = renderOpeningText(tenant, new Date(call.calledAt));
  const started = await handleCommand(deps.store, leadDecider, leadId, { type: 'StartOpeningText', data: { requestId: eventId, text } }, context());
  const attempt = started.events.find((e): e is TextSendAttempted => e.type === 'TextSendAttempted');
  if (!attempt) return;

  const { attemptId, from, to } = attempt.data;
  const result = await deps.sms.send({
    from,
    to,
    text: attempt.data.text,
    ...(deps.receiptBaseUrl ? { receiptUrl: receiptUrl(deps.receiptBaseUrl, leadId, attemptId) } : {}),
  });
  const command = outcomeCommand(attemptId, result);
  if (command) await handleCommand(deps.store, leadDecider, leadId, command, context());
  if (result.outcome === 'unavailable') throw new TransientSendFailure(`opening text to lead ${leadId} failed: ${result.detail}`);
}
