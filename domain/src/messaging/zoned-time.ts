import { DomainRuleViolated } from '../decider/decider';
import { type Weekday, weekdays } from '../tenant/tenant';

/**
 * Calendar dates and wall-clock times in an IANA zone, with Intl as the only source of zone data
 * (a language built-in: no I/O, no library), so DST follows whatever the runtime's tz database says.
 */
export type LocalDate = { year: number; month: number; day: number };
export type WallClock = LocalDate & { hour: number; minute: number; second: number };

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: timezone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      throw new DomainRuleViolated('unknown_timezone', `"${timezone}" is not an IANA time zone`);
    }
    formatters.set(timezone, formatter);
  }
  return formatter;
}

export function isKnownTimezone(timezone: string): boolean {
  try {
    formatterFor(timezone);
    return true;
  } catch {
    return false;
  }
}

export function wallClockAt(at: Date, timezone: string): WallClock {
  const values: Record<string, number> = {};
  for (const part of formatterFor(timezone).formatToParts(at)) values[part.type] = Number(part.value);
  return {
    year: values.year ?? NaN,
    month: values.month ?? NaN,
    day: values.day ?? NaN,
    // Some engines print midnight as 24 even with h23.
    hour: (values.hour ?? NaN) % 24,
    minute: values.minute ?? NaN,
    second: values.second ?? NaN,
  };
}

export const localDateAt = (at: Date, timezone: string): LocalDate => {
  const { year, month, day } = wallClockAt(at, timezone);
  return { year, month, day };
};

/** How far the zone's wall clock is ahead of UTC at that instant (negative west of Greenwich). */
export function utcOffsetMs(at: Date, timezone: string): number {
  const w = wallClockAt(at, timezone);
  const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return wallAsUtc - Math.floor(at.getTime() / 1000) * 1000;
}

const sameWallMinute = (at: Date, timezone: string, wanted: number): boolean => {
  const w = wallClockAt(at, timezone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) === wanted;
};

/**
 * The instant at which the zone's clock shows `minuteOfDay` on `date` (minutes may run past 24h).
 * A time that happens twice (fall back) gives the first; a time that never happens (spring forward)
 * gives the instant the clock shows after the gap, read with the offset from before it (02:30 on a
 * spring-forward night is 03:30). The same choice as Temporal's "compatible" disambiguation.
 */
export function instantAt(date: LocalDate, minuteOfDay: number, timezone: string): Date {
  const wanted = Date.UTC(date.year, date.month - 1, date.day, 0, minuteOfDay);
  // Offsets a day either side straddle any transition near the wanted time (zones move at most once a day).
  const offsetBefore = utcOffsetMs(new Date(wanted - DAY_MS), timezone);
  const offsetAfter = utcOffsetMs(new Date(wanted + DAY_MS), timezone);
  const candidates = [wanted - offsetBefore, wanted - offsetAfter].map((ms) => new Date(ms));
  const valid = candidates.filter((c) => sameWallMinute(c, timezone, wanted)).sort((a, b) => a.getTime() - b.getTime());
  return valid[0] ?? candidates[0]!;
}

export const minutesOfDay = (hhmm: string): number => {
  const match = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!match) throw new DomainRuleViolated('invalid_time_of_day', `"${hhmm}" is not HH:MM`);
  return Number(match[1]) * 60 + Number(match[2]);
};

export function addDays(date: LocalDate, days: number): LocalDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY_MS);
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

export const weekdayOf = (date: LocalDate): Weekday => weekdays[new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()]!;

export const compareDates = (a: LocalDate, b: LocalDate): number =>
  Date.UTC(a.year, a.month - 1, a.day) - Date.UTC(b.year, b.month - 1, b.day);

export const isoDate = (date: LocalDate): string =>
  `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;

export const addMinutes = (at: Date, minutes: number): Date => new Date(at.getTime() + minutes * MINUTE_MS);
