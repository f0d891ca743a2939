/**
 * SMS keywords that are commands, not conversation. Read before any AI sees the text: a caller who
 * says STOP is never "qualified". Matching is on the whole message, ignoring case, spaces and
 * punctuation, so "Stop." and " STOP " count and "don't stop the repair" does not.
 */
export type Keyword = 'opt-out' | 'opt-in' | 'help';

const OPT_OUT = new Set(['stop', 'stopall', 'stop all', 'unsubscribe', 'cancel', 'end', 'quit', 'revoke', 'opt out', 'optout']);
const OPT_IN = new Set(['start', 'unstop', 'subscribe']);
const HELP = new Set(['help', 'info']);

export function keywordOf(text: string): Keyword | null {
  const normalised = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (OPT_OUT.has(normalised)) return 'opt-out';
  if (OPT_IN.has(normalised)) return 'opt-in';
  if (HELP.has(normalised)) return 'help';
  return null;
}
