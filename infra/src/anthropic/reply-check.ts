import { REPLY_MAX_LENGTH, localTime, type ReplyRequest } from '@naxio/domain';

/**
 * The rules a reply must keep before it goes to a lead, checked on the text itself: Claude is told
 * the same rules, but a text that breaks one is not sent; the template answers instead.
 */
export type ReplyCheck = { ok: true } | { ok: false; problem: string };

const MONEY = [/\$\s*\d/, /\b\d[\d,.]*\s*(dollars|bucks|usd)\b/i, /\b(price|cost|fee|charge)s?\b[^.?!\n]{0,40}?\d/i];
// "within the hour", "in 20 minutes", "in a couple of hours": an arrival nobody scheduled.
const RELATIVE_PROMISE = /\b(within|in)\s+(the\s+next\s+)?(an?\s+(few|couple(\s+of)?)\s+|an?\s+|the\s+|\d+\s*|one\s+|two\s+|few\s+)(hours?|hrs?|minutes?|mins?)\b/i;
const CLOCK_12H = /\b(1[0-2]|0?[1-9])(?::([0-5]\d))?\s?([ap])\.?m\.?(?![a-z])/gi;
const CLOCK_BARE = /\b([01]?\d|2[0-3]):([0-5]\d)\b(?!\s?[ap]\.?m)/gi;

export function checkReply(text: string, request: ReplyRequest): ReplyCheck {
  if (text.trim() === '') return { ok: false, problem: 'empty reply' };
  if (text.length > REPLY_MAX_LENGTH) return { ok: false, problem: `${text.length} characters (at most ${REPLY_MAX_LENGTH})` };
  if (MONEY.some((pattern) => pattern.test(text))) return { ok: false, problem: 'quotes a price' };
  if (RELATIVE_PROMISE.test(text)) return { ok: false, problem: 'promises an arrival time' };
  const offered = request.offeredSlots.map((slot) => localRange(slot, request.tenant.timezone));
  for (const mention of clockMentions(text)) {
    if (!mention.readings.some((minutes) => offered.some((range) => within(minutes, range)))) {
      return { ok: false, problem: `names ${mention.text}, which is not an offered slot` };
    }
  }
  return { ok: true };
}

/** Each time of day in the text, with every way to read it (a bare "2:00" may be 2 AM or 2 PM). */
export function clockMentions(text: string): Array<{ text: string; readings: number[] }> {
  const mentions: Array<{ text: string; readings: number[] }> = [];
  for (const match of text.matchAll(CLOCK_12H)) {
    const hour = Number(match[1]) % 12 + (match[3]!.toLowerCase() === 'p' ? 12 : 0);
    mentions.push({ text: match[0], readings: [hour * 60 + Number(match[2] ?? 0)] });
  }
  for (const match of text.matchAll(CLOCK_BARE)) {
    const hour = Number(match[1]);
    const minutes = hour * 60 + Number(match[2]);
    mentions.push({ text: match[0], readings: hour >= 1 && hour <= 12 ? [minutes % 720, (minutes % 720) + 720] : [minutes] });
  }
  if (/\bnoon\b/i.test(text)) mentions.push({ text: 'noon', readings: [720] });
  if (/\bmidnight\b/i.test(text)) mentions.push({ text: 'midnight', readings: [0, 1440] });
  return mentions;
}

type Range = { from: number; to: number };

function localRange(slot: { start: string; end: string }, timezone: string): Range {
  const from = localTime(new Date(slot.start), timezone).minutes;
  const to = localTime(new Date(slot.end), timezone).minutes;
  return { from, to: to < from ? to + 1440 : to }; // a slot past midnight ends "tomorrow"
}

const within = (minutes: number, range: Range) =>
  (minutes >= range.from && minutes <= range.to) || (minutes + 1440 >= range.from && minutes + 1440 <= range.to);
