import { type LeadEventType, type LeadState, type ReplyReceived, type StoredEvent, fold, leadDecider, slotChoiceOf } from '@naxio/domain';
import type { CommandContext } from '@naxio/infra';
import { bookOfferedSlot } from './book';
import type { CallbackDeps } from './deps';
import { offerSlotsByText } from './offer-by-text';
import { slotsToOffer } from './slots';

/** The slot a reply picks, if the lead has slots on offer and no booking yet. */
export function chosenSlot(state: LeadState, text: string) {
  if (state.booking || state.offeredSlots.length === 0) return undefined;
  const choice = slotChoiceOf(text, state.offeredSlots.length);
  return choice ? state.offeredSlots[choice - 1] : undefined;
}

/** The events `bookFromReply` acts on. */
export const SLOT_CHOICE_TRIGGERS: readonly LeadEventType[] = ['ReplyReceived'];

/**
 * On ReplyReceived: "1" or "the second one" after a slot offer books it. If someone else took the
 * slot meanwhile, fresh slots are offered instead. (The conversation consumer stays quiet on such a
 * reply, by the same rule.)
 */
export async function bookFromReply(deps: CallbackDeps, event: StoredEvent): Promise<void> {
  if (event.type !== 'ReplyReceived') return;
  const { streamId: leadId, tenantId, eventId, correlationId } = event.metadata;
  const reply = (event as StoredEvent<'ReplyReceived', ReplyReceived['data']>).data;
  const tenant = await deps.tenants.byId(tenantId);
  const state = fold(leadDecider, (await deps.store.readStream(leadId)).events as never[]);
  const slot = chosenSlot(state, reply.text);
  if (!tenant || !slot || state.optedOut || state.handedOff) return;
  const context = (): CommandContext => ({ tenantId, now: deps.clock.now(), correlationId, causationId: eventId });
  const booked = await bookOfferedSlot(deps, { tenant, leadId, state, slot, via: 'sms', address: null, context });
  if (booked !== 'full' || !state.qualification) return;
  const fresh = await slotsToOffer(deps, tenant, state.qualification, deps.clock.now());
  await offerSlotsByText(deps, tenant, leadId, fresh, `${eventId}:reoffer`, context);
}
