import { addDays, isoDate, type LocalDate, weekdayOf } from './zoned-time';

/**
 * State and federal holidays for Rhode Island's telephone-sales hours (R.I. Gen. Laws § 5-61-2(2)
 * excepts "a state or federal holiday"). Sources: R.I. Gen. Laws § 25-1-1 (state holidays, incl.
 * RI Independence Day May 4, Victory Day 2nd Monday of August, election day in even years) and
 * 5 U.S.C. § 6103 (federal, incl. Juneteenth and Thanksgiving). A fixed-date holiday on a weekend
 * is moved differently by each (federal: Saturday → Friday; state: → the following Monday), so both
 * the date itself and every day it may be observed on count: a text held one day too many is cheap,
 * one sent on a holiday is not. Days proclaimed ad hoc by a governor or president are not known here.
 */
const fixedDates: ReadonlyArray<[month: number, day: number]> = [
  [1, 1],
  [5, 4],
  [6, 19],
  [7, 4],
  [11, 11],
  [12, 25],
];

/** The nth (1-based) given weekday of a month; n = -1 for the last one. */
function nthWeekday(year: number, month: number, weekdayIndex: number, n: number): LocalDate {
  if (n > 0) {
    const first: LocalDate = { year, month, day: 1 };
    const shift = (weekdayIndex - new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 7) % 7;
    return addDays(first, shift + (n - 1) * 7);
  }
  const last: LocalDate = { year, month, day: new Date(Date.UTC(year, month, 0)).getUTCDate() };
  const back = (new Date(Date.UTC(year, month - 1, last.day)).getUTCDay() - weekdayIndex + 7) % 7;
  return addDays(last, -back);
}

const MON = 1;
const THU = 4;

function holidaysOfYear(year: number): LocalDate[] {
  const days: LocalDate[] = [];
  for (const [month, day] of fixedDates) {
    const date: LocalDate = { year, month, day };
    days.push(date);
    const weekday = weekdayOf(date);
    if (weekday === 'sat') days.push(addDays(date, -1), addDays(date, 2));
    if (weekday === 'sun') days.push(addDays(date, 1));
  }
  days.push(
    nthWeekday(year, 1, MON, 3), // Martin Luther King Jr. Day
    nthWeekday(year, 2, MON, 3), // Washington's Birthday
    nthWeekday(year, 5, MON, -1), // Memorial Day
    nthWeekday(year, 8, MON, 2), // Victory Day (RI)
    nthWeekday(year, 9, MON, 1), // Labor Day
    nthWeekday(year, 10, MON, 2), // Columbus Day
    nthWeekday(year, 11, THU, 4), // Thanksgiving
  );
  // General election day of state officers: the Tuesday after the first Monday of November, even years.
  if (year % 2 === 0) days.push(addDays(nthWeekday(year, 11, MON, 1), 1));
  return days;
}

const cache = new Map<number, Set<string>>();

export function isRhodeIslandHoliday(date: LocalDate): boolean {
  // New Year's Day on a Saturday is observed federally on 31 December of the year before.
  for (const year of [date.year, date.year + 1]) {
    let set = cache.get(year);
    if (!set) {
      set = new Set(holidaysOfYear(year).map(isoDate));
      cache.set(year, set);
    }
    if (set.has(isoDate(date))) return true;
  }
  return false;
}
