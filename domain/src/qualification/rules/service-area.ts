import type { ServiceArea } from '../qualification';
import type { Tenant } from '../../tenant/tenant';
import { normalize } from './text';
import { usCities, wordLikeCities } from './us-cities';

type Place = { kind: 'zip' | 'city'; value: string; at: number; turn: number };

const zipPattern = /(?<![\d$#.,/-])(\d{5})(?:-\d{4})?(?!\d|,\d|\/)/g;
// "12345 Research Blvd" is a house number, not a ZIP.
const streetAfter = /^\s+(([a-z]+ ){1,3}(st|street|ave|avenue|rd|road|dr|drive|ln|lane|blvd|boulevard|way|ct|court|cir|circle|pkwy|parkway|hwy|highway|trl|trail|pl|place|loop|cove|cv|ter|terrace)\b|(n|s|e|w|north|south|east|west)\b)/;
const placePreposition = /\b(in|en|near|from|de|at|live in|located in|out in|over in|outside of|out by)\s+$/;

function zipsIn(text: string, turn: number): Place[] {
  return [...text.matchAll(zipPattern)]
    .filter((m) => !streetAfter.test(text.slice(m.index + m[0].length)))
    .map((m) => ({ kind: 'zip' as const, value: m[1]!, at: m.index, turn }));
}

const namePattern = (name: string) => new RegExp(`(?<![a-z])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![a-z])`, 'g');
const usCityPatterns = new Map(usCities.map((name) => [name, namePattern(name)]));

function citiesIn(text: string, turn: number, covered: readonly string[]): Place[] {
  const places: Place[] = [];
  const names = [...new Set([...covered, ...usCities])];
  for (const name of names) {
    for (const m of text.matchAll(usCityPatterns.get(name) ?? namePattern(name))) {
      const needsPreposition = wordLikeCities.has(name) && !covered.includes(name);
      if (needsPreposition && !placePreposition.test(text.slice(0, m.index))) continue;
      places.push({ kind: 'city', value: name, at: m.index, turn });
    }
  }
  return [...places, ...misspelledCities(text, turn, covered)];
}

/** "Austn", "Denvr": one letter off a covered city's name, if the name is long enough to be safe. */
function misspelledCities(text: string, turn: number, covered: readonly string[]): Place[] {
  const places: Place[] = [];
  for (const m of text.matchAll(/[a-z]{5,}/g)) {
    const word = m[0];
    for (const city of covered) {
      if (city.length < 6 || city.includes(' ') || word === city || word[0] !== city[0]) continue;
      // "matthew" is a person, not "Matthews".
      if (`${word}s` === city || word === `${city}s`) continue;
      if (editDistance(word, city) === 1) places.push({ kind: 'city', value: city, at: m.index, turn });
    }
  }
  return places;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swapped neighbours. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

const latest = (places: Place[]): Place | undefined =>
  places.sort((a, b) => b.turn - a.turn || b.at - a.at || b.value.length - a.value.length)[0];

const titleCase = (name: string) => name.replace(/(^|[\s-])([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase());

/** The ZIP and city the lead last named; in the area when either is one the tenant covers. */
export function serviceAreaOf(leadTexts: readonly string[], tenant: Tenant): ServiceArea {
  const coveredCities = tenant.coverage.cities.map(normalize);
  const turns = leadTexts.map(normalize);
  const zip = latest(turns.flatMap((t, i) => zipsIn(t, i)))?.value ?? null;
  const cityKey = latest(turns.flatMap((t, i) => citiesIn(t, i, coveredCities)))?.value ?? null;
  if (zip === null && cityKey === null) return { zip: null, city: null, inArea: null };
  const coveredIndex = cityKey === null ? -1 : coveredCities.indexOf(cityKey);
  const city = cityKey === null ? null : coveredIndex >= 0 ? tenant.coverage.cities[coveredIndex]! : titleCase(cityKey);
  const inArea = (zip !== null && tenant.coverage.zips.includes(zip)) || coveredIndex >= 0;
  return { zip, city, inArea };
}
