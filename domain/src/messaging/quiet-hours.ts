import { DomainRuleViolated } from '../decider/decider';
import type { OpeningHours } from '../tenant/tenant';
import { isRhodeIslandHoliday } from './holidays';
import { FEDERAL_WINDOW, stateQuietHours } from './quiet-hours-rules';
import type { UsState } from './us-states';
import { addDays, instantAt, type LocalDate, localDateAt, minutesOfDay, weekdayOf } from './zoned-time';

/** Where a recipient's clock is. `state` null: only the federal window is known to apply. */
export type RecipientLocation = {
  timezone: string;
  state: UsState | null;
  /** Zones the recipient may be in as well (an area code across a zone line): a send must suit each. */
  otherPossibleTimezones?: readonly string[];
};

// Every US rule has a window within any 7 days; two weeks leaves room for a holiday next to a Sunday.
const DAYS_TO_SEARCH = 14;
const MAX_ROUNDS = 32;

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * The local hours on `localDate` in which a text that is not a direct reply may reach someone in
 * `state` (null when none may): the federal window narrowed by the state's own rule.
 */
export function allowedWindow(state: UsState | null, localDate: LocalDate): OpeningHours | null {
  const rule = state ? stateQuietHours[state] : undefined;
  if (!rule) return { ...FEDERAL_WINDOW };
  if (rule.closedOnHolidays === 'rhode-island' && isRhodeIslandHoliday(localDate)) return null;
  const day = rule.days[weekdayOf(localDate)];
  if (!day) return null;
  const open = Math.max(minutesOfDay(day.open), minutesOfDay(FEDERAL_WINDOW.open));
  const close = Math.min(minutesOfDay(day.close), minutesOfDay(FEDERAL_WINDOW.close));
  return open < close ? { open: hhmm(open), close: hhmm(close) } : null;
}

/** `at` when the clock in `timezone` is inside the window, else the next opening on that clock. */
function nextOpeningOnClock(at: Date, timezone: string, state: UsState | null): Date {
  const today = localDateAt(at, timezone);
  for (let offset = 0; offset <= DAYS_TO_SEARCH; offset++) {
    const date = addDays(today, offset);
    const window = allowedWindow(state, date);
    if (!window) continue;
    const opens = instantAt(date, minutesOfDay(window.open), timezone);
    const closes = instantAt(date, minutesOfDay(window.close), timezone);
    if (at < closes) return at < opens ? opens : at;
  }
  throw new DomainRuleViolated('no_send_window', `no sending window within ${DAYS_TO_SEARCH} days in ${timezone} (${state ?? 'no state'})`);
}

/**
 * `at` itself when a text may go out then, else the first later instant at which it may: on every
 * clock the recipient may be on (and on any clock the state's statute names), so an area code that
 * crosses a zone line waits for the later opening and stops at the earlier close.
 */
export function nextAllowedSendTime(at: Date, recipient: RecipientLocation): Date {
  const rule = recipient.state ? stateQuietHours[recipient.state] : undefined;
  const clocks = [recipient.timezone, ...(recipient.otherPossibleTimezones ?? []), ...(rule?.alsoOnClock ? [rule.alsoOnClock] : [])];
  let candidate = at;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const next = Math.max(...clocks.map((clock) => nextOpeningOnClock(candidate, clock, recipient.state).getTime()));
    if (next === candidate.getTime()) return candidate;
    candidate = new Date(next);
  }
  throw new DomainRuleViolated('no_send_window', `the windows of ${clocks.join(', ')} never meet`);
}

export const mayTextNow = (at: Date, recipient: RecipientLocation): boolean => nextAllowedSendTime(at, recipient).getTime() === at.getTime();
