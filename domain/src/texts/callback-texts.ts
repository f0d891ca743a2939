import type { Slot } from '../lead/events';
import type { Tenant } from '../tenant/tenant';

/** "Tue Dec 1, 9:00–11:00 AM" in the tenant's time zone: how a slot is said and written. */
export function describeSlot(slot: Slot, timezone: string): string {
  const day = new Intl.DateTimeFormat('en-US', { timeZone: timezone, weekday: 'short', month: 'short', day: 'numeric' }).format(new Date(slot.start));
  const time = (iso: string) => new Intl.DateTimeFormat('en-US', { timeZone: timezone, hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
  return `${day}, ${time(slot.start)}–${time(slot.end)}`;
}

const choices = (tenant: Tenant, slots: readonly Slot[]) => slots.map((s, i) => `${i + 1}) ${describeSlot(s, tenant.timezone)}`).join(', ');

/**
 * Jordan's opening words on a callback. The law (and trust) want three things said first: who is
 * calling, that it is an automated assistant, and that the call is recorded; and a way to opt out.
 */
export function callbackGreeting(tenant: Tenant, slots: readonly Slot[], recorded: boolean, problem?: string | null): string {
  const offer = slots.map((s) => describeSlot(s, tenant.timezone)).join(', or ');
  // The problem as the lead told it, read back so they can confirm it or correct it.
  const about = problem ? `We have you down for: ${problem.replace(/[.!?]+$/, '')}. Is that right? ` : '';
  return (
    `Hi, this is ${tenant.persona}, an automated assistant calling for ${tenant.company} about your service request. ` +
    `${recorded ? 'This call is recorded. ' : ''}${about}We can come ${offer}. Which works for you? ` +
    `Please also confirm the address. If you'd rather not get calls from us, just say stop calling.`
  );
}

export const voicemailMessage = (tenant: Tenant) =>
  `Hi, this is ${tenant.persona}, an automated assistant for ${tenant.company}, returning your call. ` +
  `We've just texted you a couple of times we could come out. Reply to the text to book. Thanks!`;

export const slotOfferText = (tenant: Tenant, slots: readonly Slot[]) =>
  `${tenant.company}: we can come ${choices(tenant, slots)}. Reply 1${slots.length > 1 ? ` or ${slots.length}` : ''} to book, or tell us a better time.`;

export const bookingConfirmationText = (tenant: Tenant, slot: Slot, address: string | null) =>
  `You're booked with ${tenant.company} for ${describeSlot(slot, tenant.timezone)}${address ? ` at ${address}` : ''}. Reply here if anything changes.`;

export const callbackConfirmationSpeech = (tenant: Tenant, slot: Slot) =>
  `Great, you're booked for ${describeSlot(slot, tenant.timezone)}. We'll text you a confirmation. Thanks for choosing ${tenant.company}. Goodbye.`;

export const callbackDeclinedSpeech = (tenant: Tenant) => `No problem. You can text us anytime at this number. Thanks for calling ${tenant.company}. Goodbye.`;

/**
 * Which offered slot a text reply picks: "1", "2", "#2", "the first one", "second works", "option 1".
 * Anything else is conversation, not a choice.
 */
export function slotChoiceOf(text: string, offered: number): number | null {
  const t = text.toLowerCase().trim();
  const words: Record<string, number> = { first: 1, '1st': 1, one: 1, second: 2, '2nd': 2, two: 2, third: 3, '3rd': 3, three: 3 };
  const digit = /^(?:#|option\s*|slot\s*)?([1-9])[.!)]?$/.exec(t)?.[1];
  const word = /\b(first|1st|second|2nd|third|3rd)\b/.exec(t)?.[1] ?? /^(one|two|three)\b/.exec(t)?.[1];
  const choice = digit ? Number(digit) : word ? words[word] : undefined;
  return choice && choice <= offered ? choice : null;
}
