import { type BusinessHours, type Weekday, weekdays } from './tenant';

export type LocalTime = { weekday: Weekday; minutes: number };

/** Building a formatter costs a hundred times what using one does, and a lead's timers use many. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: timezone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

/** Wall-clock time in a zone, via Intl (a language built-in: no I/O, DST handled by the zone data). */
export function localTime(at: Date, timezone: string): LocalTime {
  const parts = formatterFor(timezone).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = part('weekday').slice(0, 3).toLowerCase() as Weekday;
  if (!weekdays.includes(weekday)) throw new Error(`unexpected weekday "${part('weekday')}" for ${timezone}`);
  return { weekday, minutes: Number(part('hour')) * 60 + Number(part('minute')) };
}

export const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

export function isWithinBusinessHours(hours: BusinessHours, at: LocalTime): boolean {
  const today = hours[at.weekday];
  if (!today) return false;
  return at.minutes >= minutesOf(today.open) && at.minutes < minutesOf(today.close);
}
