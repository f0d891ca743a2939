/**
 * Text handling shared by every rule table: one spelling for accents, case and apostrophes, and
 * clauses small enough that a "no" or "last year" only reaches the words it belongs to.
 */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\ba\s*[/.]\s*c\b\.?/g, 'ac')
    .replace(/\s+/g, ' ')
    .trim();
}

export type Clause = { text: string; start: number };

// Commas and "but" end a clause: "No gas smell, just the AC isn't cooling" is two statements.
const clauseBreak = /[.!?;\n]+|,|\s(?:but|pero|though|however|although|aunque)\s/g;

export function clausesOf(text: string): Clause[] {
  const clauses: Clause[] = [];
  let start = 0;
  for (const m of text.matchAll(clauseBreak)) {
    clauses.push({ text: text.slice(start, m.index), start });
    start = m.index + m[0].length;
  }
  clauses.push({ text: text.slice(start), start });
  return clauses.filter((c) => c.text.trim().length > 0);
}

export type Hit = { index: number; length: number };

export function hitsOf(pattern: RegExp, text: string): Hit[] {
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  return [...text.matchAll(global)].map((m) => ({ index: m.index, length: m[0].length }));
}
