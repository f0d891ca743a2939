/**
 * The 50 states, DC and the inhabited territories (all inside the North American Numbering Plan and
 * under the TCPA), each with the zone most of its people live in. States that span zones are refined
 * by ZIP prefix or area code where the data allows (zip-prefixes.ts, area-codes.ts).
 */
export const usStateZones = {
  AL: 'America/Chicago',
  AK: 'America/Anchorage',
  AZ: 'America/Phoenix',
  AR: 'America/Chicago',
  CA: 'America/Los_Angeles',
  CO: 'America/Denver',
  CT: 'America/New_York',
  DE: 'America/New_York',
  DC: 'America/New_York',
  FL: 'America/New_York',
  GA: 'America/New_York',
  HI: 'Pacific/Honolulu',
  ID: 'America/Boise',
  IL: 'America/Chicago',
  IN: 'America/Indiana/Indianapolis',
  IA: 'America/Chicago',
  KS: 'America/Chicago',
  KY: 'America/New_York',
  LA: 'America/Chicago',
  ME: 'America/New_York',
  MD: 'America/New_York',
  MA: 'America/New_York',
  MI: 'America/Detroit',
  MN: 'America/Chicago',
  MS: 'America/Chicago',
  MO: 'America/Chicago',
  MT: 'America/Denver',
  NE: 'America/Chicago',
  NV: 'America/Los_Angeles',
  NH: 'America/New_York',
  NJ: 'America/New_York',
  NM: 'America/Denver',
  NY: 'America/New_York',
  NC: 'America/New_York',
  ND: 'America/Chicago',
  OH: 'America/New_York',
  OK: 'America/Chicago',
  OR: 'America/Los_Angeles',
  PA: 'America/New_York',
  RI: 'America/New_York',
  SC: 'America/New_York',
  SD: 'America/Chicago',
  TN: 'America/Chicago',
  TX: 'America/Chicago',
  UT: 'America/Denver',
  VT: 'America/New_York',
  VA: 'America/New_York',
  WA: 'America/Los_Angeles',
  WV: 'America/New_York',
  WI: 'America/Chicago',
  WY: 'America/Denver',
  PR: 'America/Puerto_Rico',
  VI: 'America/St_Thomas',
  GU: 'Pacific/Guam',
  MP: 'Pacific/Saipan',
  AS: 'Pacific/Pago_Pago',
} as const;

export type UsState = keyof typeof usStateZones;
export const usStates = Object.keys(usStateZones) as UsState[];

/** Zones other than the main one that part of a state keeps (used when only the state is known). */
export const otherZonesInState: Partial<Record<UsState, readonly string[]>> = {
  AK: ['America/Adak'],
  FL: ['America/Chicago'],
  ID: ['America/Los_Angeles'],
  IN: ['America/Chicago'],
  KS: ['America/Denver'],
  KY: ['America/Chicago'],
  MI: ['America/Menominee'],
  ND: ['America/Denver'],
  NE: ['America/Denver'],
  OR: ['America/Boise'],
  SD: ['America/Denver'],
  TN: ['America/New_York'],
  TX: ['America/Denver'],
};

const stateNames: Record<string, UsState> = {
  alabama: 'AL', alaska: 'AK', arizona: 'AZ', arkansas: 'AR', california: 'CA', colorado: 'CO',
  connecticut: 'CT', delaware: 'DE', 'district of columbia': 'DC', 'washington dc': 'DC', florida: 'FL',
  georgia: 'GA', hawaii: 'HI', idaho: 'ID', illinois: 'IL', indiana: 'IN', iowa: 'IA', kansas: 'KS',
  kentucky: 'KY', louisiana: 'LA', maine: 'ME', maryland: 'MD', massachusetts: 'MA', michigan: 'MI',
  minnesota: 'MN', mississippi: 'MS', missouri: 'MO', montana: 'MT', nebraska: 'NE', nevada: 'NV',
  'new hampshire': 'NH', 'new jersey': 'NJ', 'new mexico': 'NM', 'new york': 'NY', 'north carolina': 'NC',
  'north dakota': 'ND', ohio: 'OH', oklahoma: 'OK', oregon: 'OR', pennsylvania: 'PA', 'rhode island': 'RI',
  'south carolina': 'SC', 'south dakota': 'SD', tennessee: 'TN', texas: 'TX', utah: 'UT', vermont: 'VT',
  virginia: 'VA', washington: 'WA', 'west virginia': 'WV', wisconsin: 'WI', wyoming: 'WY',
  'puerto rico': 'PR', 'us virgin islands': 'VI', 'virgin islands': 'VI', guam: 'GU',
  'northern mariana islands': 'MP', 'american samoa': 'AS',
};

export const isUsState = (value: string): value is UsState => Object.hasOwn(usStateZones, value);

/**
 * The state a caller named after their city: "Austin, TX", "Austin TX", "austin, texas", "Tulsa, Okla"
 * is not understood. A bare city name says nothing about the state, so it gives null.
 */
export function stateNamedIn(place: string): UsState | null {
  const words = place.toLowerCase().replace(/[.,]/g, ' ').split(/\s+/).filter(Boolean);
  for (let take = Math.min(4, words.length - 1); take >= 1; take--) {
    const tail = words.slice(-take).join(' ');
    const upper = tail.toUpperCase();
    if (take === 1 && upper.length === 2 && isUsState(upper)) return upper;
    const named = stateNames[tail];
    if (named) return named;
  }
  return null;
}
