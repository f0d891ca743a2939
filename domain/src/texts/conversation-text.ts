import type { ReplyRequest, ReplyWriter } from '../ports/qualifier';
import type { Tenant, Trade } from '../tenant/tenant';
import { weekdays } from '../tenant/tenant';
import { isWithinBusinessHours, localTime, minutesOf } from '../tenant/local-time';
import { describeSlot } from './callback-texts';

/**
 * The next text to a lead when Claude is slow or away: one acknowledgement and one question, chosen
 * by what the conversation still lacks. Two SMS segments at most, no prices, no times not offered.
 */
export const REPLY_MAX_LENGTH = 320;

export const EMERGENCY_REPLY = "That sounds urgent — I'm alerting our on-call tech right now. What's the address?";

export const detailQuestions: Record<Trade, string> = {
  hvac: 'Is it your furnace, heat pump or AC, and about how old is the system?',
  plumbing: 'Is it a leak, a clog or the water heater, and where in the house?',
  electrical: 'Is it an outlet, a breaker or lights, and is anything sparking or warm to the touch?',
  roofing: 'Is it a leak, storm damage or a replacement, and about how old is the roof?',
  landscaping: 'Is this for regular lawn care, a one-time cleanup or a new project?',
};

export type ReplyStep = 'decline-out-of-area' | 'emergency' | 'ask-need' | 'ask-location' | 'ask-details' | 'offer-slots' | 'ask-availability' | 'confirm-follow-up';

// Days, parts of the day or clock times in the lead's words: they already said when suits them.
const AVAILABILITY_WORDS =
  /\b(today|tonight|tomorrow|weekend|morning|afternoon|evening|anytime|any time|mon(day)?|tue(s(day)?)?|wed(nesday)?|thu(rs(day)?)?|fri(day)?|sat(urday)?|sun(day)?|\d{1,2}(:\d{2})?\s*(am|pm))\b/i;

/** What the next text should do, in order: decline, act on an emergency, then ask what is missing. */
export function nextReplyStep(request: ReplyRequest): ReplyStep {
  const q = request.qualification;
  if (q.serviceArea.inArea === false) return 'decline-out-of-area';
  if (q.urgency === 'emergency') return 'emergency';
  if (q.intent === 'low') return 'ask-need';
  if (q.serviceArea.inArea === null) return 'ask-location';
  if (q.serviceType === 'unknown' || q.subCategory === 'general') return 'ask-details';
  if (request.offeredSlots.length > 0) return 'offer-slots';
  const leadSaidWhen = request.conversation.some((turn) => turn.from === 'lead' && AVAILABILITY_WORDS.test(turn.text));
  return leadSaidWhen ? 'confirm-follow-up' : 'ask-availability';
}

export function templateReply(request: ReplyRequest): string {
  const { tenant, at, qualification } = request;
  const open = isWithinBusinessHours(tenant.businessHours, localTime(at, tenant.timezone));
  const thanks = open ? 'Thanks!' : `Thanks — our office is closed right now, but we'll follow up ${nextOpening(tenant, at)}.`;
  const step = nextReplyStep(request);
  switch (step) {
    case 'decline-out-of-area': {
      const { city, zip } = qualification.serviceArea;
      const place = city ?? (zip ? `ZIP ${zip}` : 'that area');
      const safety = qualification.urgency === 'emergency' ? ' If anyone is in danger, please call 911.' : '';
      return `Thanks for reaching out. Unfortunately ${tenant.company} doesn't serve ${place}, so we can't help with this one — sorry about that.${safety}`;
    }
    case 'emergency':
      return EMERGENCY_REPLY;
    case 'ask-need':
      return `Hi, this is ${tenant.persona} from ${tenant.company}. How can we help?`;
    case 'ask-location':
      return `${thanks} What's the address or ZIP code for the job?`;
    case 'ask-details':
      return `${thanks} ${detailQuestions[tenant.trade]}`;
    case 'offer-slots': {
      const choices = request.offeredSlots.slice(0, 2).map((slot) => offeredSlotText(slot, tenant.timezone));
      return `${thanks} We have ${choices.length > 1 ? 'openings' : 'an opening'} ${choices.join(' or ')}. Which works for you?`;
    }
    case 'ask-availability':
      return `${thanks} What days and times work best for a visit?`;
    case 'confirm-follow-up':
      return `${thanks} We'll check the schedule and confirm a time with you shortly.`;
    default: {
      const _exhaustive: never = step;
      throw new Error(`no template for ${String(_exhaustive)}`);
    }
  }
}

export const templateReplyWriter: ReplyWriter = {
  write: async (request) => templateReply(request),
};

/** An offered slot as every text says one ("Tue, Dec 1, 2:00 PM–4:00 PM"), in the tenant's zone. */
export const offeredSlotText = (slot: { start: string; end: string }, timezone: string): string =>
  describeSlot({ slotId: '', start: slot.start, end: slot.end }, timezone);

/** "at 8:00 AM", "tomorrow at 7:00 AM" or "Monday at 8:00 AM": the next time the office opens. */
export function nextOpening(tenant: Tenant, at: Date): string {
  const now = localTime(at, tenant.timezone);
  const today = weekdays.indexOf(now.weekday);
  for (let offset = 0; offset < 8; offset += 1) {
    const day = weekdays[(today + offset) % 7]!;
    const hours = tenant.businessHours[day];
    if (!hours || (offset === 0 && minutesOf(hours.open) <= now.minutes)) continue;
    const when = offset === 0 ? '' : offset === 1 ? 'tomorrow ' : `${offset === 7 ? 'next ' : ''}${longDay[day]} `;
    return `${when}at ${clock(minutesOf(hours.open))}`;
  }
  return 'as soon as we can';
}

const longDay: Record<(typeof weekdays)[number], string> = {
  sun: 'Sunday', mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday',
};

function clock(minutes: number): string {
  const hour24 = Math.floor(minutes / 60);
  const hour12 = hour24 % 12 === 0 ? 12 : hour24 % 12;
  return `${hour12}:${String(minutes % 60).padStart(2, '0')} ${hour24 < 12 ? 'AM' : 'PM'}`;
}
