import {
  type LeadState,
  type LeadEventType,
  type Slot,
  type StoredEvent,
  type Tenant,
  callbackAttemptId,
  fold,
  leadDecider,
  mayCallBack,
  mayTextNow,
  recipientLocation,
  undialledClaim,
} from '@naxio/domain';
import { type CommandContext, dialClaimedCall, handleCommand } from '@naxio/infra';
import { type CallbackDeps, encodeCallState } from './deps';
import { offerSlotsByText } from './offer-by-text';
import { slotsToOffer } from './slots';

/** The events `startCallback` acts on. */
export const CALLBACK_TRIGGERS: readonly LeadEventType[] = ['LeadQualified', 'OwnerAlerted'];

type Callback = { tenant: Tenant; leadId: string; callerPhone: string; attemptId: string; slots: readonly Slot[]; context: () => CommandContext };

/**
 * On LeadQualified (and, for emergencies, on OwnerAlerted: the owner hears about an emergency before
 * Jordan calls the lead, so an emergency waits for the owner's alert call to be claimed).
 * One call per lead, claimed before dialling. Emergencies are called at once, day or night; other
 * leads only inside the recipient's calling hours (the same windows as texts), otherwise the slots
 * go out by text. No answer, voicemail or a dial that fails: a short voicemail where possible, and
 * the slots by text. There is no second call. The event coming again after a crash finds its claim
 * with no dial on record, and carries it out.
 */
export async function startCallback(deps: CallbackDeps, event: StoredEvent): Promise<void> {
  if (event.type !== 'LeadQualified' && event.type !== 'OwnerAlerted') return;
  const { streamId: leadId, tenantId, eventId, correlationId } = event.metadata;
  const tenant = await deps.tenants.byId(tenantId);
  if (!tenant) return;
  const state: LeadState = fold(leadDecider, (await deps.store.readStream(leadId)).events as never[]);
  const context = (): CommandContext => ({ tenantId, now: deps.clock.now(), correlationId, causationId: eventId });
  const attemptId = callbackAttemptId(eventId);
  if (undialledClaim(state, 'callback', attemptId)) {
    if (!state.callerPhone || state.optedOut || state.handedOff || state.booking) return;
    return dialLead(deps, { tenant, leadId, callerPhone: state.callerPhone, attemptId, slots: state.offeredSlots, context }, true);
  }
  if (!mayCallBack(state) || !state.qualification || !state.callerPhone) return;
  const emergency = state.qualification.urgency === 'emergency';
  if (emergency && !state.ownerAlerts.includes('call')) return;
  if (!emergency && event.type === 'OwnerAlerted') return;
  const now = deps.clock.now();
  const slots = await slotsToOffer(deps, tenant, state.qualification, now);
  if (slots.length === 0) return deps.log?.(`callback: no free slot for ${leadId}`);

  const area = state.qualification.serviceArea;
  const where = recipientLocation({ statedZip: area.zip, statedCity: area.city, phone: state.callerPhone, tenantTimezone: tenant.timezone });
  if (!emergency && !mayTextNow(now, where)) {
    return offerSlotsByText(deps, tenant, leadId, slots, `${eventId}:offer`, context);
  }

  const claimed = await handleCommand(deps.store, leadDecider, leadId, { type: 'StartCallback', data: { requestId: eventId, slots } }, context());
  if (!claimed.events.some((e) => e.type === 'CallbackStarted')) return;
  await dialLead(deps, { tenant, leadId, callerPhone: state.callerPhone, attemptId, slots, context }, false);
}

async function dialLead(deps: CallbackDeps, callback: Callback, resumed: boolean): Promise<void> {
  const { tenant, leadId, attemptId, context } = callback;
  const request = {
    from: tenant.phoneNumbers[0]!,
    to: callback.callerPhone,
    clientState: encodeCallState({ kind: 'callback', leadId, attemptId }),
    timeoutSecs: 25,
    detectVoicemail: true,
  };
  const dialled = await dialClaimedCall(deps, { leadId, purpose: 'callback', claimId: attemptId, request }, context, resumed);
  if (dialled.placed) return;
  await handleCommand(deps.store, leadDecider, leadId, { type: 'RecordCallbackEnded', data: { attemptId, outcome: 'failed', detail: dialled.detail } }, context());
  await offerSlotsByText(deps, tenant, leadId, callback.slots, `${attemptId}:offer`, context);
}
