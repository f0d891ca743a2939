import {
  type LeadState,
  type LeadEventType,
  type StoredEvent,
  fold,
  leadDecider,
  mayCallBack,
  mayTextNow,
  recipientLocation,
} from '@naxio/domain';
import { type CommandContext, handleCommand } from '@naxio/infra';
import { type CallbackDeps, encodeCallState } from './deps';
import { offerSlotsByText } from './offer-by-text';
import { slotsToOffer } from './slots';

/** The events `startCallback` acts on. */
export const CALLBACK_TRIGGERS: readonly LeadEventType[] = ['LeadQualified', 'OwnerAlerted'];

/**
 * On LeadQualified (and, for emergencies, on OwnerAlerted: the owner hears about an emergency before
 * Jordan calls the lead, so an emergency waits for the owner's alert call to be claimed). Call attempt policy: one call per lead, claimed before dialling. Emergencies are
 * called at once, day or night; other leads only inside the recipient's calling hours (the same
 * windows as texts), otherwise the slots go out by text. No answer, voicemail or a dial that fails:
 * a short voicemail where possible, and the slots by text. There is no second call.
 */
export async function startCallback(deps: CallbackDeps, event: StoredEvent): Promise<void> {
  if (event.type !== 'LeadQualified' && event.type !== 'OwnerAlerted') return;
  const { streamId: leadId, tenantId, eventId, correlationId } = event.metadata;
  const tenant = await deps.tenants.byId(tenantId);
  if (!tenant) return;
  const state: LeadState = fold(leadDecider, (await deps.store.readStream(leadId)).events as never[]);
  if (!mayCallBack(state) || !state.qualification || !state.callerPhone) return;
  const emergency = state.qualification.urgency === 'emergency';
  if (emergency && !state.ownerAlerts.includes('call')) return;
  if (!emergency && event.type === 'OwnerAlerted') return;
  const now = deps.clock.now();
  const context = (): CommandContext => ({ tenantId, now: deps.clock.now(), correlationId, causationId: eventId });
  const slots = await slotsToOffer(deps, tenant, state.qualification, now);
  if (slots.length === 0) return deps.log?.(`callback: no free slot for ${leadId}`);

  const area = state.qualification.serviceArea;
  const where = recipientLocation({ statedZip: area.zip, statedCity: area.city, phone: state.callerPhone, tenantTimezone: tenant.timezone });
  if (!emergency && !mayTextNow(now, where)) {
    return offerSlotsByText(deps, tenant, leadId, slots, `${eventId}:offer`, context);
  }

  const claimed = await handleCommand(deps.store, leadDecider, leadId, { type: 'StartCallback', data: { requestId: eventId, slots } }, context());
  const started = claimed.events.find((e) => e.type === 'CallbackStarted');
  if (!started) return;
  const { attemptId } = started.data;
  try {
    await deps.voice.dial({
      from: tenant.phoneNumbers[0]!,
      to: state.callerPhone,
      clientState: encodeCallState({ kind: 'callback', leadId, attemptId }),
      timeoutSecs: 25,
      detectVoicemail: true,
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    await handleCommand(deps.store, leadDecider, leadId, { type: 'RecordCallbackEnded', data: { attemptId, outcome: 'failed', detail } }, context());
    await offerSlotsByText(deps, tenant, leadId, slots, `${attemptId}:offer`, context);
  }
}
