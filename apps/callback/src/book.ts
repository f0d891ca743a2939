import { createHash } from 'node:crypto';
import {
  type LeadState,
  type ServiceType,
  type Slot,
  type Tenant,
  bookingConfirmationText,
  leadDecider,
  techniciansOf,
} from '@naxio/domain';
import { type CommandContext, handleCommand } from '@naxio/infra';
import { sendLeadText } from '@naxio/texter';
import type { CallbackDeps } from './deps';

export type BookingResult = 'booked' | 'already-booked' | 'full';

/** One booking id per lead and slot, so a retried "yes" reserves nothing twice. */
const bookingIdOf = (leadId: string, slot: Slot) => createHash('sha256').update(`${leadId}\n${slot.slotId}`).digest('hex').slice(0, 24);

/**
 * The lead said yes to an offered slot. The calendar reserves it first (the database refuses the
 * last place to a second lead), then the booking is recorded and confirmed by text.
 */
export async function bookOfferedSlot(
  deps: CallbackDeps,
  request: {
    tenant: Tenant;
    leadId: string;
    state: LeadState;
    slot: Slot;
    via: 'voice' | 'sms';
    address: string | null;
    /** The problem as confirmed on the call; the qualification's summary otherwise. */
    problem?: string | null;
    context: () => CommandContext;
  },
): Promise<BookingResult> {
  const { tenant, leadId, state, slot, via, context } = request;
  if (state.booking) return 'already-booked';
  const bookingId = bookingIdOf(leadId, slot);
  const reserved = await deps.reservations.reserve({ tenantId: tenant.id, slot, leadId, bookingId, capacity: techniciansOf(tenant) });
  if (!reserved.ok) return 'full';
  const qualification = state.qualification;
  const address = request.address ?? ([qualification?.serviceArea.city, qualification?.serviceArea.zip].filter(Boolean).join(' ') || null);
  const serviceType: ServiceType = qualification?.serviceType ?? tenant.trade;
  const command = { type: 'BookSlot' as const, data: { bookingId, slotId: slot.slotId, address, serviceType, summary: request.problem ?? qualification?.summary ?? 'Callback booking', via } };
  await handleCommand(deps.store, leadDecider, leadId, command, context());
  await sendLeadText(deps, { leadId, kind: 'booking-confirmation', requestId: bookingId, text: bookingConfirmationText(tenant, slot, address), context });
  return 'booked';
}
