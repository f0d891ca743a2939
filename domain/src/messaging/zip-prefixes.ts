import { type UsState, usStateZones } from './us-states';

/**
 * The first three digits of a ZIP code name a sectional center, and every center lies in one state
 * (USPS). Prefixes not listed are unassigned or military (APO/FPO: 090–098, 340, 962–966).
 */
const prefixRanges: ReadonlyArray<[from: number, to: number, state: UsState]> = [
  [5, 5, 'NY'], [6, 7, 'PR'], [8, 8, 'VI'], [9, 9, 'PR'],
  [10, 27, 'MA'], [28, 29, 'RI'], [30, 38, 'NH'], [39, 49, 'ME'], [50, 54, 'VT'], [55, 55, 'MA'],
  [56, 59, 'VT'], [60, 69, 'CT'], [70, 89, 'NJ'],
  [100, 149, 'NY'], [150, 196, 'PA'], [197, 199, 'DE'], [200, 200, 'DC'], [201, 201, 'VA'],
  [202, 205, 'DC'], [206, 219, 'MD'], [220, 246, 'VA'], [247, 268, 'WV'], [270, 289, 'NC'],
  [290, 299, 'SC'], [300, 319, 'GA'], [320, 339, 'FL'], [341, 349, 'FL'], [350, 369, 'AL'],
  [370, 385, 'TN'], [386, 397, 'MS'], [398, 399, 'GA'],
  [400, 427, 'KY'], [430, 459, 'OH'], [460, 479, 'IN'], [480, 499, 'MI'],
  [500, 528, 'IA'], [530, 549, 'WI'], [550, 567, 'MN'], [569, 569, 'DC'], [570, 577, 'SD'],
  [580, 588, 'ND'], [590, 599, 'MT'],
  [600, 629, 'IL'], [630, 658, 'MO'], [660, 679, 'KS'], [680, 693, 'NE'],
  [700, 714, 'LA'], [716, 729, 'AR'], [730, 732, 'OK'], [733, 733, 'TX'], [734, 749, 'OK'],
  [750, 799, 'TX'],
  [800, 816, 'CO'], [820, 831, 'WY'], [832, 838, 'ID'], [840, 847, 'UT'], [850, 865, 'AZ'],
  [870, 884, 'NM'], [885, 885, 'TX'], [889, 898, 'NV'],
  [900, 961, 'CA'], [967, 968, 'HI'], [969, 969, 'GU'], [970, 979, 'OR'], [980, 994, 'WA'],
  [995, 999, 'AK'],
];

/** Whole ZIP codes that differ from their prefix's state (the Pacific islands share 967 and 969). */
const zipRanges: ReadonlyArray<[from: number, to: number, state: UsState | null]> = [
  [96799, 96799, 'AS'],
  [96940, 96949, null], // Micronesia and Palau: not the United States
  [96950, 96952, 'MP'],
  [96960, 96979, null], // Marshall Islands, Palau
];

/**
 * Prefixes on the other side of a zone line from their state's main zone. A second zone means the
 * center's area straddles the line (e.g. 677 Colby, Kansas, with Sherman County on Mountain time).
 */
const prefixZones: Record<number, readonly [string, ...string[]]> = {
  324: ['America/Chicago'], // Panama City, FL
  325: ['America/Chicago'], // Pensacola, FL
  373: ['America/New_York'], // Chattanooga, TN
  374: ['America/New_York'],
  376: ['America/New_York'], // Johnson City, TN
  377: ['America/New_York'], // Knoxville, TN
  378: ['America/New_York'],
  379: ['America/New_York'],
  420: ['America/Chicago'], // Paducah, KY
  421: ['America/Chicago'], // Bowling Green, KY
  422: ['America/Chicago'],
  423: ['America/Chicago'], // Owensboro, KY
  424: ['America/Chicago'], // Henderson, KY
  425: ['America/New_York', 'America/Chicago'], // Somerset, KY
  426: ['America/New_York', 'America/Chicago'],
  463: ['America/Chicago'], // Gary, IN
  464: ['America/Chicago'],
  476: ['America/Chicago'], // Evansville, IN
  477: ['America/Chicago'],
  498: ['America/Detroit', 'America/Menominee'], // Iron Mountain, MI
  499: ['America/Detroit', 'America/Menominee'],
  577: ['America/Denver'], // Rapid City, SD
  586: ['America/Denver'], // Dickinson, ND
  677: ['America/Chicago', 'America/Denver'], // Colby, KS
  678: ['America/Chicago', 'America/Denver'], // Dodge City, KS
  693: ['America/Denver'], // Alliance and Scottsbluff, NE
  798: ['America/Denver'], // El Paso, TX
  799: ['America/Denver'],
  885: ['America/Denver'],
  835: ['America/Los_Angeles'], // Lewiston, ID
  838: ['America/Los_Angeles'], // Coeur d'Alene, ID
  979: ['America/Boise'], // Ontario, OR
  860: ['America/Phoenix', 'America/Denver'], // Flagstaff, AZ, with the Navajo Nation on daylight time
  865: ['America/Phoenix', 'America/Denver'],
  996: ['America/Anchorage', 'America/Adak'],
};

export type ZipLocation = { state: UsState; timezones: readonly [string, ...string[]] };

const find = <T>(ranges: ReadonlyArray<[number, number, T]>, value: number) => ranges.find(([from, to]) => value >= from && value <= to);

/** "78701", "78701-1234" or "  78701 "; anything else (a Canadian postcode, four digits) gives null. */
export function zipLocation(zip: string): ZipLocation | null {
  const match = /^\s*(\d{5})(?:-?\d{4})?\s*$/.exec(zip);
  if (!match) return null;
  const five = Number(match[1]);
  const prefix = Math.floor(five / 100);
  const exact = find(zipRanges, five);
  if (exact) return exact[2] ? { state: exact[2], timezones: [usStateZones[exact[2]]] } : null;
  const state = find(prefixRanges, prefix)?.[2];
  if (!state) return null;
  return { state, timezones: prefixZones[prefix] ?? [usStateZones[state]] };
}
