import {
  type LeadState,
  type Tenant,
  callbackConfirmationSpeech,
  callbackDeclinedSpeech,
  fold,
  leadDecider,
  templateCallScript,
  voicemailMessage,
  type CallbackOutcome,
} from '@naxio/domain';
import { type CommandContext, handleCommand } from '@naxio/infra';
import { bookOfferedSlot } from './book';
import { type CallbackCallState, type CallbackDeps, encodeCallState } from './deps';
import { offerSlotsByText } from './offer-by-text';
import { slotsToOffer } from './slots';

export type CallWebhook = { eventType: string; payload: Record<string, unknown>; state: CallbackCallState };
export type CallStep = { status: string; detail?: string };

/** What Jordan asks for on the call; Telnyx's voice AI fills it from the conversation. */
export const JORDAN_QUESTIONS = {
  type: 'object',
  properties: {
    choice: { type: 'string', enum: ['1', '2', 'none'], description: 'The offered time the caller accepts: 1 for the first, 2 for the second, none for neither' },
    address: { type: 'string', description: 'The service address the caller confirmed' },
    problem: { type: 'string', description: 'The problem in the caller’s words, as confirmed or corrected on the call' },
    stop_calling: { type: 'boolean', description: 'True if the caller asked not to be called again' },
  },
  required: ['choice'],
} as const;

const UNANSWERED = new Set(['timeout', 'no_answer', 'user_busy', 'originator_cancel']);

type Call = { deps: CallbackDeps; tenant: Tenant; state: LeadState; webhook: CallWebhook; callControlId: string; context: () => CommandContext };

/**
 * Steers Jordan's call as its webhooks arrive: detection → greeting and questions → booking or not →
 * closing words → hang up. Every outcome is recorded once (the decider keeps the first), and a call
 * that ends without a booking leaves the offer standing by text.
 */
export async function handleCallbackWebhook(deps: CallbackDeps, webhook: CallWebhook): Promise<CallStep> {
  const { leadId, attemptId } = webhook.state;
  const { events } = await deps.store.readStream(leadId);
  const started = events.find((e) => e.type === 'CallbackStarted' && (e.data as { attemptId: string }).attemptId === attemptId);
  const tenant = started && (await deps.tenants.byId(started.metadata.tenantId));
  if (!started || !tenant) return { status: 'ignored', detail: 'no such callback' };
  const state = fold(leadDecider, events as never[]);
  const context = (): CommandContext => ({ tenantId: tenant.id, now: deps.clock.now(), correlationId: started.metadata.correlationId, causationId: started.metadata.eventId });
  const call: Call = { deps, tenant, state, webhook, callControlId: String(webhook.payload.call_control_id ?? ''), context };
  const ended = state.callbacks.find((c) => c.attemptId === attemptId)?.outcome;

  switch (webhook.eventType) {
    case 'call.machine.detection.ended':
      return webhook.payload.result === 'machine' ? leaveVoicemail(call) : askForSlot(call);
    case 'call.ai_gather.ended':
      return ended ? { status: 'ignored' } : settleAnswer(call);
    case 'call.speak.ended':
      // The closing words are said: now the call can end.
      if (ended) await deps.voice.hangup(call.callControlId).catch(() => undefined);
      return { status: ended ? 'hung-up' : 'ignored' };
    case 'call.hangup':
      return ended ? { status: 'ignored' } : endUnbooked(call, UNANSWERED.has(String(webhook.payload.hangup_cause)) ? 'no-answer' : 'hung-up');
    default:
      return { status: 'ignored', detail: webhook.eventType };
  }
}

async function askForSlot({ deps, tenant, state, callControlId, webhook }: Call): Promise<CallStep> {
  const script = deps.callScript ?? templateCallScript;
  const greeting = await script.greeting({ tenant, slots: state.offeredSlots, qualification: state.qualification, recorded: tenant.booking?.recordCalls ?? false });
  await deps.voice.gatherAnswers(callControlId, { greeting, parameters: JORDAN_QUESTIONS as unknown as Record<string, unknown>, clientState: encodeCallState(webhook.state) });
  return { status: 'asked' };
}

async function leaveVoicemail(call: Call): Promise<CallStep> {
  await record(call, 'voicemail', 'answering machine');
  await call.deps.voice.speak(call.callControlId, voicemailMessage(call.tenant));
  await offerSlotsByText(call.deps, call.tenant, call.webhook.state.leadId, call.state.offeredSlots, `${call.webhook.state.attemptId}:offer`, call.context);
  return { status: 'voicemail' };
}

async function settleAnswer(call: Call): Promise<CallStep> {
  const result = (call.webhook.payload.result ?? {}) as { choice?: string; address?: string; problem?: string; stop_calling?: boolean };
  const { deps, tenant, state, callControlId, webhook } = call;
  if (result.stop_calling) {
    const optOut = { source: 'keyword' as const, detail: 'asked on the call not to be contacted again' };
    await handleCommand(deps.store, leadDecider, webhook.state.leadId, { type: 'RecordOptOut', data: optOut }, call.context());
  }
  const slot = result.choice === '1' || result.choice === '2' ? state.offeredSlots[Number(result.choice) - 1] : undefined;
  if (!slot || result.stop_calling) {
    await record(call, 'declined', result.stop_calling ? 'asked not to be called' : `choice: ${result.choice ?? 'none'}`);
    await deps.voice.speak(callControlId, callbackDeclinedSpeech(tenant));
    return { status: 'declined' };
  }
  const booked = await bookOfferedSlot(deps, { tenant, leadId: webhook.state.leadId, state, slot, via: 'voice', address: result.address?.trim() || null, problem: result.problem?.trim() || null, context: call.context });
  if (booked === 'full') {
    await record(call, 'failed', 'the chosen slot was taken meanwhile');
    await deps.voice.speak(callControlId, `Sorry, that time was just taken. We'll text you other times right away.`);
    // As promised: the times free now, by text, where a reply of 1 or 2 books (as after a taken reply).
    const fresh = state.qualification ? await slotsToOffer(deps, tenant, state.qualification, deps.clock.now()) : [];
    await offerSlotsByText(deps, tenant, webhook.state.leadId, fresh, `${webhook.state.attemptId}:reoffer`, call.context);
    return { status: 'slot-taken' };
  }
  await record(call, 'booked', `slot ${slot.slotId}`);
  await deps.voice.speak(callControlId, callbackConfirmationSpeech(tenant, slot));
  return { status: 'booked' };
}

async function endUnbooked(call: Call, outcome: CallbackOutcome): Promise<CallStep> {
  await record(call, outcome, String(call.webhook.payload.hangup_cause ?? 'hangup'));
  if (!call.state.booking) await offerSlotsByText(call.deps, call.tenant, call.webhook.state.leadId, call.state.offeredSlots, `${call.webhook.state.attemptId}:offer`, call.context);
  return { status: outcome };
}

async function record(call: Call, outcome: CallbackOutcome, detail: string) {
  const command = { type: 'RecordCallbackEnded' as const, data: { attemptId: call.webhook.state.attemptId, outcome, detail } };
  await handleCommand(call.deps.store, leadDecider, call.webhook.state.leadId, command, call.context());
}

