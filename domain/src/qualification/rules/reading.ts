import { gateOf } from './gates';
import { jobSeeker, joke, optOut, solicitation, spam, whoIsThis, wrongNumber } from './intent-signals';
import {
  callbackWords, capabilityQuestion, curiosityWords, priceWords, problemWords, requestWords, somedayWords, timingWords,
} from './need-signals';
import { clausesOf, hitsOf } from './text';

/** What the lead's messages say, as flags the urgency and intent rules read. */
export type Reading = {
  problem: boolean;
  request: boolean;
  price: boolean;
  capability: boolean;
  someday: boolean;
  curiosity: boolean;
  callback: boolean;
  question: boolean;
  notALead: boolean;
  offTopic: boolean;
};

/** Said about now: not denied, not in the past, not hypothetical, not part of a price question. */
function saidNow(pattern: RegExp, turns: readonly string[], skip?: RegExp): boolean {
  return turns.some((text) =>
    clausesOf(text).some((c) => !skip?.test(c.text) && hitsOf(pattern, c.text).some((hit) => gateOf(c.text, hit) === null)),
  );
}

const anyTurn = (pattern: RegExp, turns: readonly string[]) => turns.some((t) => pattern.test(t));

const withoutCallback = (text: string) =>
  text.replace(new RegExp(`\\b((can|could) (you|u|someone) )?(please |pls |plz )?${callbackWords.source}( please| pls| plz)?`, 'g'), ' ');

export function readReplies(turns: readonly string[]): Reading {
  const withoutCallbacks = turns.map(withoutCallback);
  return {
    // "Do you fix slab leaks?" asks what we do; the leak in it is not the lead's.
    problem: saidNow(problemWords, turns, capabilityQuestion),
    request: saidNow(requestWords, withoutCallbacks, capabilityQuestion) || saidNow(timingWords, withoutCallbacks),
    price: anyTurn(priceWords, turns),
    capability: anyTurn(capabilityQuestion, turns),
    someday: anyTurn(somedayWords, turns),
    curiosity: anyTurn(curiosityWords, turns),
    callback: anyTurn(callbackWords, turns),
    question: turns.some((t) => t.includes('?') || /^(do|does|can|could|how|what|whats|is|are|who)\b/.test(t)),
    notALead: [solicitation, spam, jobSeeker, optOut].some((p) => anyTurn(p, turns)),
    offTopic: [wrongNumber, whoIsThis, joke].some((p) => anyTurn(p, turns)),
  };
}
