import { type Slot, type Tenant, leadDecider, slotOfferText } from '@naxio/domain';
import { type CommandContext, handleCommand } from '@naxio/infra';
import { sendLeadText } from '@naxio/texter';
import type { CallbackDeps } from './deps';

/** When the call did not happen or nobody took it, the same slots go out by text; a reply of 1 or 2 books. */
export async function offerSlotsByText(deps: CallbackDeps, tenant: Tenant, leadId: string, slots: readonly Slot[], requestId: string, context: () => CommandContext) {
  if (slots.length === 0) return;
  const { events } = await handleCommand(deps.store, leadDecider, leadId, { type: 'OfferSlots', data: { slots: [...slots] } }, context());
  if (events.length === 0) return;
  await sendLeadText(deps, { leadId, kind: 'slot-offer', requestId, text: slotOfferText(tenant, slots), context });
}
