import { DomainRuleViolated } from '../decider/decider';
import type { Slot } from '../lead/events';
import { isoDate, localDateAt } from '../messaging/zoned-time';

export type OfferOptions = {
  /** The tenant's zone: "a day" is a day on the contractor's calendar. */
  timezone: string;
  /** How many to offer (default 3). */
  count?: number;
  /** Emergencies get the earliest slots, whatever their days. */
  emergency?: boolean;
};

export const DEFAULT_OFFER_COUNT = 3;

/**
 * The slots to put to a lead, in time order. Routine work: the earliest slot of each of the first
 * days that have one, then the next-earliest of each, … so "tomorrow 8am, tomorrow 9am, tomorrow
 * 10am" becomes "tomorrow 8am, Thursday 8am, Friday 8am" — a choice the lead can actually use.
 */
export function offerSlots(slots: readonly Slot[], options: OfferOptions): Slot[] {
  const count = options.count ?? DEFAULT_OFFER_COUNT;
  if (!Number.isInteger(count) || count < 1) throw new DomainRuleViolated('invalid_offer_count', `offer count must be ≥ 1, got ${count}`);
  const ordered = [...slots].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  if (options.emergency) return ordered.slice(0, count);

  const days = new Map<string, Slot[]>();
  for (const slot of ordered) {
    const day = isoDate(localDateAt(new Date(slot.start), options.timezone));
    days.set(day, [...(days.get(day) ?? []), slot]);
  }
  const picked: Slot[] = [];
  for (let round = 0; picked.length < count && picked.length < ordered.length; round++) {
    for (const daySlots of days.values()) {
      const slot = daySlots[round];
      if (slot && picked.length < count) picked.push(slot);
    }
  }
  return picked.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}
