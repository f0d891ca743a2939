import {
  type Clock,
  type LeadEvent,
  type Qualification,
  type QualificationRequest,
  type Qualifier,
  type ReplyReceived,
  type ReplyWriter,
  type LeadEventType,
  type StoredEvent,
  type Tenant,
  type TenantDirectory,
  conversationOf,
  fold,
  helpText,
  keywordOf,
  leadDecider,
  optOutConfirmationText,
  slotChoiceOf,
} from '@naxio/domain';
import { type CommandContext, handleCommand } from '@naxio/infra';
import { type SendDeps, sendLeadText } from '@naxio/texter';

export type ConversationDeps = SendDeps & {
  tenants: TenantDirectory;
  clock: Clock;
  /** Claude with the rules behind it, the emergency safety net already applied. */
  qualifier: Qualifier;
  replyWriter: ReplyWriter;
  log?: (message: string) => void;
};

type Lead = { events: StoredEvent[]; state: ReturnType<typeof leadDecider.initialState> };

async function loadLead(deps: ConversationDeps, leadId: string): Promise<Lead> {
  const { events } = await deps.store.readStream(leadId);
  return { events, state: fold(leadDecider, events as unknown as LeadEvent[]) };
}

/** The events `handleReply` acts on. */
export const REPLY_TRIGGERS: readonly LeadEventType[] = ['ReplyReceived'];

/**
 * On ReplyReceived. Keywords first (STOP, HELP), before any AI sees the text. Otherwise: qualify the
 * whole conversation (once per reply: a redelivery reuses the stored answer), record it (the decider
 * escalates an emergency), then answer the lead — only the newest reply is answered, so three quick
 * texts get one answer.
 */
export async function handleReply(deps: ConversationDeps, event: StoredEvent): Promise<void> {
  if (event.type !== 'ReplyReceived') return;
  const reply = (event as StoredEvent<'ReplyReceived', ReplyReceived['data']>).data;
  const { streamId: leadId, tenantId, eventId, correlationId } = event.metadata;
  const tenant = await deps.tenants.byId(tenantId);
  if (!tenant) return deps.log?.(`conversation: lead ${leadId} belongs to unknown tenant ${tenantId}`);
  const context = (): CommandContext => ({ tenantId, now: deps.clock.now(), correlationId, causationId: eventId });
  const text = (kind: 'opt-out-confirmation' | 'help' | 'conversation', body: string) =>
    sendLeadText(deps, { leadId, kind, requestId: eventId, text: body, context });

  const keyword = keywordOf(reply.text);
  if (keyword === 'opt-out') return void (await text('opt-out-confirmation', optOutConfirmationText(tenant)));
  if (keyword === 'opt-in') return;
  if (keyword === 'help') return void (await text('help', helpText(tenant)));

  const lead = await loadLead(deps, leadId);
  if (lead.state.optedOut || lead.state.handedOff) return;
  // "1" after a slot offer is a booking, which the callback consumer makes and confirms.
  if (!lead.state.booking && lead.state.offeredSlots.length > 0 && slotChoiceOf(reply.text, lead.state.offeredSlots.length)) return;
  const request = qualificationRequest(tenant, lead, deps.clock.now());
  const qualification = await qualificationFor(deps, leadId, lead, reply.messageId, request, context);
  const newest = lead.events.filter((e) => e.type === 'ReplyReceived').at(-1)?.metadata.eventId;
  if (newest !== eventId) return;
  await text('conversation', await deps.replyWriter.write({ ...request, qualification, offeredSlots: [] }));
}

function qualificationRequest(tenant: Tenant, lead: Lead, at: Date): QualificationRequest {
  const history = lead.events.map((e) => ({ event: e as unknown as LeadEvent, at: e.metadata.occurredAt }));
  return { tenant, conversation: conversationOf(history), at };
}

async function qualificationFor(
  deps: ConversationDeps,
  leadId: string,
  lead: Lead,
  replyMessageId: string,
  request: QualificationRequest,
  context: () => CommandContext,
): Promise<Qualification> {
  const stored = lead.events.find((e) => e.type === 'LeadQualified' && (e.data as { replyMessageId: string }).replyMessageId === replyMessageId);
  if (stored) {
    const { replyMessageId: _reply, ...qualification } = stored.data as Qualification & { replyMessageId: string };
    return qualification;
  }
  const qualification = await deps.qualifier.qualify(request);
  const command = { type: 'QualifyLead' as const, data: { replyMessageId, qualification, ownerPhone: request.tenant.ownerPhone } };
  await handleCommand(deps.store, leadDecider, leadId, command, context());
  return qualification;
}
