import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type LeadCommand, leadDecider } from '@naxio/domain';
import { type CommandContext, handleCommand, leadStreamId } from '@naxio/infra';
import { IngressError } from '../errors';
import type { IngressDeps } from '../deps';
import { e164, parseOrThrow, type TelnyxEnvelope, verifiedEnvelope } from './telnyx-envelope';

const inboundMessage = z.object({
  id: z.string().min(1).max(200),
  direction: z.literal('inbound'),
  from: z.object({ phone_number: z.string().min(1).max(200) }),
  to: z.array(z.object({ phone_number: e164 })).min(1),
  text: z.string().max(10_000).default(''),
  received_at: z.string().datetime({ offset: true }).nullable().optional(),
});

const outboundReceipt = z.object({ id: z.string().min(1).max(200), direction: z.literal('outbound') });

/** The texter put these on the message's webhook_url, so a receipt can say which attempt it confirms. */
const receiptQuery = z.object({ lead: z.string().min(1).max(200), attempt: z.string().min(1).max(300) });

const contextFor = (deps: IngressDeps, envelope: TelnyxEnvelope, tenantId: string): CommandContext => ({
  tenantId,
  now: deps.clock.now(),
  correlationId: envelope.data.id,
  causationId: null,
});

async function recordReply(deps: IngressDeps, envelope: TelnyxEnvelope) {
  const message = parseOrThrow(inboundMessage, envelope.data.payload, 'message.received payload');
  const tenantPhone = message.to[0]!.phone_number;
  const tenant = await deps.tenants.byPhoneNumber(tenantPhone);
  if (!tenant) throw new IngressError('unknown_tenant_number', `${tenantPhone} belongs to no tenant`);
  if (!e164.safeParse(message.from.phone_number).success) return { status: 'ignored', reason: 'sender is not a phone number' };
  const leadId = leadStreamId(tenant.id, message.from.phone_number);
  const command: LeadCommand = {
    type: 'RecordReply',
    data: {
      messageId: message.id,
      callerPhone: message.from.phone_number,
      tenantPhone,
      text: message.text,
      receivedAt: message.received_at ?? envelope.data.occurred_at,
    },
  };
  const { events } = await handleCommand(deps.store, leadDecider, leadId, command, contextFor(deps, envelope, tenant.id));
  return { status: events.length > 0 ? 'recorded' : 'duplicate', leadId };
}

/** `message.sent` proves an attempt left Telnyx even if the texter died before recording it. */
async function confirmFromReceipt(deps: IngressDeps, envelope: TelnyxEnvelope, query: unknown) {
  const receipt = parseOrThrow(outboundReceipt, envelope.data.payload, 'message.sent payload');
  const ids = receiptQuery.safeParse(query);
  if (!ids.success) return { status: 'ignored', reason: 'receipt for a message we did not tag' };
  const read = await deps.store.readStream(ids.data.lead);
  const attempt = read.events.find((e) => e.type === 'TextSendAttempted' && (e.data as { attemptId: string }).attemptId === ids.data.attempt);
  if (!attempt) return { status: 'ignored', reason: 'receipt for an attempt this lead does not have' };
  // The confirmation belongs to the attempt's story (the missed call that caused it), not the receipt's.
  const context: CommandContext = {
    tenantId: attempt.metadata.tenantId,
    now: deps.clock.now(),
    correlationId: attempt.metadata.correlationId,
    causationId: attempt.metadata.eventId,
  };
  const command: LeadCommand = { type: 'ConfirmTextSent', data: { attemptId: ids.data.attempt, messageId: receipt.id, confirmedBy: 'receipt', at: envelope.data.occurred_at } };
  // Decided on the stream just read: most receipts come after the texter recorded the send.
  const { events } = await handleCommand(deps.store, leadDecider, ids.data.lead, command, context, read);
  return { status: events.length > 0 ? 'recorded' : 'duplicate', leadId: ids.data.lead };
}

export function messagingRoute(app: FastifyInstance, deps: IngressDeps): void {
  app.post('/webhooks/telnyx/messaging', async (request: FastifyRequest) => {
    const envelope = await verifiedEnvelope(deps.webhooks, request.body as Buffer | undefined, request.headers);
    switch (envelope.data.event_type) {
      case 'message.received':
        return recordReply(deps, envelope);
      case 'message.sent':
        return confirmFromReceipt(deps, envelope, request.query);
      default:
        return { status: 'ignored', reason: `${envelope.data.event_type} needs no action` };
    }
  });
}
