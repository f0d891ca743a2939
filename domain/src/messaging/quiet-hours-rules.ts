import { type OpeningHours, type Weekday, weekdays } from '../tenant/tenant';
import type { UsState } from './us-states';

/**
 * When a text that is not a direct reply (a follow-up, a reminder) may reach a recipient, in the
 * recipient's local time. Every day is also capped by the federal window. A missing weekday means
 * no such text that day. Sources were read from the statute where it was at hand, else from the
 * compliance summaries named; stricter than the law is acceptable here, looser never.
 */
export type QuietHoursRule = {
  days: Partial<Record<Weekday, OpeningHours>>;
  /** No window on the state's or federal holidays. */
  closedOnHolidays?: 'rhode-island';
  /** A statute that names a clock ("Central Standard Time"): the window must hold on it too. */
  alsoOnClock?: string;
  source: string;
};

const on = (days: readonly Weekday[], open: string, close: string): Partial<Record<Weekday, OpeningHours>> =>
  Object.fromEntries(days.map((day) => [day, { open, close }]));

const everyDay = (open: string, close: string) => on(weekdays, open, close);

/** 47 CFR § 64.1200(c)(1): no telephone solicitation before 8 a.m. or after 9 p.m. at the called party's location. */
export const FEDERAL_WINDOW: OpeningHours = { open: '08:00', close: '21:00' };

export const stateQuietHours: Partial<Record<UsState, QuietHoursRule>> = {
  // FL, OK, MD and CT hours as listed by the state-by-state compliance tables (Drop Cowboy, Nov
  // 2025; Referrizer); the sections are the ones those laws are known by.
  // Fla. Stat. § 501.616(6)(a) (Florida Telephone Solicitation Act): 8 a.m.–8 p.m.
  FL: { days: everyDay('08:00', '20:00'), source: 'Fla. Stat. § 501.616(6)(a)' },
  // Okla. Stat. tit. 15 § 775C.4 (Oklahoma Telephone Solicitation Act): 8 a.m.–8 p.m.
  OK: { days: everyDay('08:00', '20:00'), source: 'Okla. Stat. tit. 15 § 775C.4' },
  // Md. Code, Com. Law § 14-4503 (Stop the Spam Calls Act of 2023): 8 a.m.–8 p.m.
  MD: { days: everyDay('08:00', '20:00'), source: 'Md. Code, Com. Law § 14-4503' },
  // Miss. Code § 77-3-723: "between the hours of 8:00 a.m. and 8:00 p.m. Central Standard Time.
  // No telephone solicitations may be made on a Sunday." (the legal-holiday ban was a PSC rule,
  // 39 Miss. Admin. Code Pt. I R. 1:28, repealed in 2023). The window must hold both on the local
  // clock and on a clock kept at CST all year, so 9 a.m.–8 p.m. while daylight time is on.
  MS: {
    days: on(['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], '08:00', '20:00'),
    alsoOnClock: 'Etc/GMT+6',
    source: 'Miss. Code § 77-3-723',
  },
  // N.J.S.A. 56:8-128(d) itself says 8 a.m.–9 p.m.; some compliance guides list 8 p.m., and
  // closing an hour early costs a follow-up nothing, so the earlier close is kept.
  NJ: { days: everyDay('08:00', '20:00'), source: 'N.J.S.A. 56:8-128(d), closing an hour early' },
  // Conn. Gen. Stat. § 42-288a (as amended by P.A. 23-98, in force 1 Oct 2023; covers text messages):
  // 9 a.m.–8 p.m.
  CT: { days: everyDay('09:00', '20:00'), source: 'Conn. Gen. Stat. § 42-288a' },
  // R.I. Gen. Laws § 5-61-2(2) "hours of operation": Monday–Friday, except a state or federal
  // holiday, 9 a.m.–6 p.m.; Saturday 10 a.m.–5 p.m.; no Sunday. § 5-61-3.6 applies them to
  // residential and mobile numbers. Holidays close Saturdays too here: stricter than the text.
  RI: {
    days: { ...on(['mon', 'tue', 'wed', 'thu', 'fri'], '09:00', '18:00'), sat: { open: '10:00', close: '17:00' } },
    closedOnHolidays: 'rhode-island',
    source: 'R.I. Gen. Laws §§ 5-61-2(2), 5-61-3.6',
  },
  // Tex. Bus. & Com. Code § 301.051: 9 a.m.–9 p.m. Monday–Saturday, noon–9 p.m. Sunday; texts are
  // telephone solicitations since S.B. 140 (89th Leg., in force 1 Sep 2025). Confirmed by the
  // S.B. 140 summaries of Foster Garvey (Sep 2025) and Cloud Communications (2025).
  TX: {
    days: { ...everyDay('09:00', '21:00'), sun: { open: '12:00', close: '21:00' } },
    source: 'Tex. Bus. & Com. Code § 301.051 (texts: S.B. 140, 2025)',
  },
};
