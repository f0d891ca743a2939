import { type Gate, gateOf } from './gates';
import { type Hit, hitsOf } from './text';

/**
 * What a rule looks for in one clause: a pattern, or words that must all be there in any order
 * ("breaker box" … "buzzing" … "hot to the touch"), which holds up better than fixed phrasing.
 */
export type Cue = RegExp | { allOf: readonly RegExp[] };

export type CueHit = { hit: Hit; gate: Gate | null };

// When the parts of a cue disagree, a denial wins, then any other reason not to count it.
const gateRank = (gate: Gate | null) => (gate === 'negated' ? 2 : gate === null ? 0 : 1);

export function cueHits(cue: Cue, clause: string): CueHit[] {
  if (cue instanceof RegExp) return hitsOf(cue, clause).map((hit) => ({ hit, gate: gateOf(clause, hit) }));
  const parts = cue.allOf.map((part) => hitsOf(part, clause)[0]);
  if (parts.some((hit) => hit === undefined)) return [];
  const hits = parts as Hit[];
  const gate = hits.map((hit) => gateOf(clause, hit)).sort((a, b) => gateRank(b) - gateRank(a))[0] ?? null;
  const start = Math.min(...hits.map((h) => h.index));
  const end = Math.max(...hits.map((h) => h.index + h.length));
  return [{ hit: { index: start, length: end - start }, gate }];
}

export const saidNowIn = (cues: readonly Cue[], clause: string) => cues.some((cue) => cueHits(cue, clause).some((c) => c.gate === null));
