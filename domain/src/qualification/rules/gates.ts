import type { Hit } from './text';

/**
 * Why a keyword found in a clause does not describe a problem happening now. "negated" is an
 * all-clear ("no gas smell", "not leaking anymore"); the others only mean the words are about
 * another time or a price.
 */
export type Gate = 'negated' | 'past' | 'hypothetical' | 'price-question';

const negationCues = new Set([
  'no', 'not', 'never', 'without', 'nothing', 'none', 'nor', 'zero', "isn't", 'isnt', "aren't", 'arent',
  "wasn't", 'wasnt', "don't", 'dont', "doesn't", 'doesnt', "didn't", 'didnt', "haven't", 'havent',
  "hasn't", 'hasnt', 'sin', 'ni', 'nunca', 'nada',
]);
// A negation's reach ends at a conjunction: "it's not working and it's freezing" still says freezing.
const scopeBreakers = new Set(['and', 'y', 'so', 'because', 'porque', 'then', 'also', 'plus', 'now', 'ahora']);
// "No, I smell gas" and "not sure if…" are not negations of what follows.
const notNegating = /^(i|i'm|im|we|we're|its|it's|my|our|there's|theres|yes|sure|certain|se)$/;

function negatedBefore(before: string): boolean {
  const words = before.trim().split(/\s+/).filter(Boolean).slice(-4);
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i]!.replace(/[^a-z']/g, '');
    if (scopeBreakers.has(word)) return false;
    if (negationCues.has(word) && !notNegating.test((words[i + 1] ?? '').replace(/[^a-z']/g, ''))) return true;
  }
  return false;
}

const negatedAfter = /^[^,.!?]{0,25}\b(anymore|any more|(has|have|had) stopped|stopped now|went away|is gone|are gone|is fixed|got fixed|ya no)\b/;
const pastMarkers =
  /\b(last (year|summer|winter|spring|fall|autumn|month|week|time|season)|last week's|(\d+|a|one|two|three|few|couple of|several) (years|months|weeks) ago|a while (ago|back)|in the past|previously|years ago|el ano pasado|la semana pasada|el mes pasado|hace (un|unos|dos|tres) (anos|meses|semanas))\b/;
const hypotheticalBefore = /(^|[^a-z])(if|ever|in case|what if|por si|si alguna vez|should a|should the)\b/;
// "not sure if" and "wonder if" report an uncertain present, not a hypothetical.
const uncertainIf = /\b(sure|know|wonder|wondering|idk|unsure|check|see|tell me) (if|whether)\b/;
const hypotheticalAnywhere = /\b(count as|counts as|future reference|for the future|hypothetical(ly)?|asking for a friend|just wondering|what happens if|what would happen)\b/;
const priceBefore = /\b(how much|what (do|does|would|will) (you|u|y'?all|ya|it|that|a|an)( \w+)? (charge|cost|run)|cost to|price (of|for|to)|pricing|quote (for|on|to)|estimate (for|on|to)|cuanto (cuesta|cobra|cobran|sale))\b/;

export function gateOf(clause: string, hit: Hit): Gate | null {
  const before = clause.slice(0, hit.index);
  const after = clause.slice(hit.index + hit.length);
  if (negatedBefore(before) || negatedAfter.test(after)) return 'negated';
  if (pastMarkers.test(clause)) return 'past';
  if ((hypotheticalBefore.test(before) && !uncertainIf.test(before)) || hypotheticalAnywhere.test(clause)) return 'hypothetical';
  if (priceBefore.test(before)) return 'price-question';
  return null;
}
