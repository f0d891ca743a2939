import { dangerIn, noCooling, noHeat } from './danger-context';
import { type Cue, cueHits, saidNowIn } from './cues';
import { allClear, type HazardKind, hazardRules, onlyOutdoors } from './hazard-signals';
import { clausesOf, hitsOf, normalize } from './text';

export type ConditionKind = 'no-heat-in-cold' | 'no-cooling-in-heat';
export type EmergencySignal = HazardKind | ConditionKind;

/** Where in the conversation something was said: later turns, then later words, win. */
type Place = { turn: number; at: number };
type Mention = { signal: EmergencySignal; present: boolean; place: Place };

const later = (a: Place, b: Place) => a.turn > b.turn || (a.turn === b.turn && a.at > b.at);

function hazardMentions(text: string, turn: number): Mention[] {
  const mentions: Mention[] = [];
  for (const clause of clausesOf(text)) {
    for (const rule of hazardRules) {
      if (rule.unless?.test(clause.text) || (rule.indoorOnly && onlyOutdoors(clause.text))) continue;
      for (const { hit, gate } of cueHits(rule.cue, clause.text)) {
        // Past, hypothetical and price talk neither raise nor clear an emergency.
        if (gate === null || gate === 'negated') {
          mentions.push({ signal: rule.kind, present: gate === null, place: { turn, at: clause.start + hit.index } });
        }
      }
    }
  }
  return mentions;
}

/** True when the failure is said in a clause that does not deny it, talk of the past or a price. */
function failureIn(text: string, failure: readonly Cue[]): boolean {
  return clausesOf(text).some((clause) => saidNowIn(failure, clause.text));
}

function conditionMentions(turns: readonly string[]): Mention[] {
  const mentions: Mention[] = [];
  const conditions: [ConditionKind, readonly Cue[], 'cold' | 'heat'][] = [
    ['no-heat-in-cold', noHeat, 'cold'],
    ['no-cooling-in-heat', noCooling, 'heat'],
  ];
  for (const [signal, failure, weather] of conditions) {
    const failing = turns.map((t) => failureIn(t, failure));
    const dangers = turns.map(dangerIn);
    const lastFailure = failing.lastIndexOf(true);
    const lastDanger = dangers.map((d) => d[weather]).lastIndexOf(true);
    if (lastFailure < 0 || lastDanger < 0) continue;
    const lastEvidence = Math.max(lastFailure, lastDanger);
    const measured = dangers.some((d) => (weather === 'cold' ? d.coldReading : d.hotReading));
    // Placed at the end of its turn: only a later message can clear it (the safe side).
    // "No rush" said with or after the evidence makes it a repair, unless a temperature says otherwise.
    const calmed = dangers.some((d, i) => d.calm && i >= lastEvidence) && !measured;
    if (!calmed) mentions.push({ signal, present: true, place: { turn: lastEvidence, at: Number.MAX_SAFE_INTEGER } });
  }
  return mentions;
}

function allClearMentions(text: string, turn: number): Place[] {
  return hitsOf(allClear, text).map((hit) => ({ turn, at: hit.index }));
}

/**
 * The emergencies a lead's messages (oldest first) still describe. A later "no gas smell anymore"
 * or "false alarm" clears what an earlier message raised; a later message that says nothing about
 * it does not.
 */
export function emergencySignalsInTurns(leadTexts: readonly string[]): EmergencySignal[] {
  const turns = leadTexts.map(normalize);
  const mentions = [...turns.flatMap(hazardMentions), ...conditionMentions(turns)];
  const clears = turns.flatMap(allClearMentions);
  const latest = new Map<EmergencySignal, Mention>();
  for (const mention of mentions) {
    const seen = latest.get(mention.signal);
    if (!seen || later(mention.place, seen.place)) latest.set(mention.signal, mention);
  }
  return [...latest.values()]
    .filter((m) => m.present && !clears.some((clear) => later(clear, m.place)))
    .map((m) => m.signal)
    .sort();
}

/**
 * The emergency rules that fire on one message: the safety net run on every reply. `company` is
 * left out of the reading, so "is this Bright Spark Electric?" raises nothing.
 */
export function emergencySignals(text: string, company?: string): string[] {
  return emergencySignalsInTurns([company ? withoutName(text, company) : text]);
}

/** The text without a name in it (the tenant's company), normalized. */
export function withoutName(text: string, name: string): string {
  const normalizedName = normalize(name);
  return normalizedName ? normalize(text).split(normalizedName).join(' ') : normalize(text);
}
