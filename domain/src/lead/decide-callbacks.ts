import { DomainRuleViolated } from '../decider/decider';
import type { BookSlot, OfferSlots, RecordCallbackEnded, RecordJobSynced, RecordJobSyncFailed, StartCallback } from './commands';
import { cancelFollowUps } from './decide-replies';
import type { LeadEvent } from './events';
import { type LeadState, reachableCaller } from './state';

/**
 * Jordan calls a lead that is worth a call: a real need, in the area, not opted out or handed off,
 * not booked yet. One call per lead: after no answer or voicemail the offer goes on by text.
 */
export function mayCallBack(state: LeadState): boolean {
  const q = state.qualification;
  if (!q || q.intent !== 'high' || q.serviceArea.inArea === false) return false;
  return reachableCaller(state) !== null && state.status === 'open' && !state.optedOut && !state.handedOff && state.booking === null && state.callbacks.length === 0;
}

/** The one call attempt a request (the event that asked for the call) can claim. */
export const callbackAttemptId = (requestId: string) => `${requestId}#1`;

export function startCallback(command: StartCallback, state: LeadState): LeadEvent[] {
  if (!mayCallBack(state) || command.data.slots.length === 0) return [];
  return [
    { type: 'CallbackStarted', data: { attemptId: callbackAttemptId(command.data.requestId), attempt: 1 } },
    { type: 'SlotsOffered', data: { slots: command.data.slots, via: 'voice' } },
  ];
}

export function recordCallbackEnded(command: RecordCallbackEnded, state: LeadState): LeadEvent[] {
  const callback = state.callbacks.find((c) => c.attemptId === command.data.attemptId);
  if (!callback) throw new DomainRuleViolated('unknown_callback', `no callback ${command.data.attemptId} on this lead`);
  // Telnyx reports a call's end more than once (gather result, then hangup): the first word stands.
  return callback.outcome ? [] : [{ type: 'CallbackEnded', data: command.data }];
}

export function offerSlots(command: OfferSlots, state: LeadState): LeadEvent[] {
  if (state.booking || state.optedOut || state.handedOff || command.data.slots.length === 0) return [];
  return [{ type: 'SlotsOffered', data: { slots: command.data.slots, via: 'sms' } }];
}

export function bookSlot(command: BookSlot, state: LeadState): LeadEvent[] {
  const { bookingId, slotId, via, ...job } = command.data;
  if (state.booking?.bookingId === bookingId) return [];
  if (state.booking) throw new DomainRuleViolated('already_booked', 'this lead is already booked');
  const slot = state.offeredSlots.find((s) => s.slotId === slotId);
  if (!slot) throw new DomainRuleViolated('slot_not_offered', `slot ${slotId} was not offered to this lead`);
  return [{ type: 'CallbackBooked', data: { bookingId, slot, ...job, bookedVia: via } }, ...cancelFollowUps(state, 'booked')];
}

export function recordJobSynced(command: RecordJobSynced, state: LeadState): LeadEvent[] {
  if (state.booking?.bookingId !== command.data.bookingId) throw new DomainRuleViolated('unknown_booking', `no booking ${command.data.bookingId} on this lead`);
  return state.synced.includes(command.data.crm) ? [] : [{ type: 'JobSynced', data: command.data }];
}

export function recordJobSyncFailed(command: RecordJobSyncFailed, state: LeadState): LeadEvent[] {
  if (state.synced.includes(command.data.crm)) return [];
  return [{ type: 'JobSyncFailed', data: command.data }];
}
