// Splits a GraphQL document into tokens (GraphQL spec §2.1). Enough of the language for what API
// clients send: names, punctuation, strings, numbers; commas and comments are insignificant.

export type TokenKind = 'name' | 'punct' | 'string' | 'number' | 'eof';

export interface Token {
  kind: TokenKind;
  value: string;
  line: number;
  column: number;
}

export class GraphQLSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'GraphQLSyntaxError';
  }
}

const PUNCTUATORS = new Set(['!', '$', '(', ')', ':', '=', '@', '[', ']', '{', '}', '|', '&']);
const NAME_START = /[_A-Za-z]/;
const NAME_CONTINUE = /[_0-9A-Za-z]/;
const NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/;

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const at = (kind: TokenKind, value: string, start: number): Token => ({ kind, value, line, column: start - lineStart + 1 });

  while (i < source.length) {
    const ch = source[i] as string;
    if (ch === '\n') {
      line += 1;
      lineStart = i + 1;
      i += 1;
    } else if (ch === ' ' || ch === '\t' || ch === '\r' || ch === ',' || ch === '\uFEFF') {
      i += 1;
    } else if (ch === '#') {
      while (i < source.length && source[i] !== '\n') i += 1;
    } else if (source.startsWith('...', i)) {
      tokens.push(at('punct', '...', i));
      i += 3;
    } else if (PUNCTUATORS.has(ch)) {
      tokens.push(at('punct', ch, i));
      i += 1;
    } else if (NAME_START.test(ch)) {
      const start = i;
      while (i < source.length && NAME_CONTINUE.test(source[i] as string)) i += 1;
      tokens.push(at('name', source.slice(start, i), start));
    } else if (ch === '-' || /[0-9]/.test(ch)) {
      const match = NUMBER.exec(source.slice(i));
      if (!match) throw new GraphQLSyntaxError(`Parse error on "${ch}"`, line, i - lineStart + 1);
      tokens.push(at('number', match[0], i));
      i += match[0].length;
    } else if (ch === '"') {
      const start = i;
      const { value, end } = readString(source, i, line, lineStart);
      tokens.push(at('string', value, start));
      i = end;
    } else {
      throw new GraphQLSyntaxError(`Parse error on "${ch}"`, line, i - lineStart + 1);
    }
  }
  tokens.push({ kind: 'eof', value: '', line, column: i - lineStart + 1 });
  return tokens;
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

function readString(source: string, start: number, line: number, lineStart: number): { value: string; end: number } {
  if (source.startsWith('"""', start)) {
    const close = source.indexOf('"""', start + 3);
    if (close < 0) throw new GraphQLSyntaxError('Unterminated string', line, start - lineStart + 1);
    return { value: source.slice(start + 3, close), end: close + 3 };
  }
  let value = '';
  let i = start + 1;
  while (i < source.length && source[i] !== '"') {
    const ch = source[i] as string;
    if (ch === '\n') break;
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if (next === 'u') {
        value += String.fromCharCode(parseInt(source.slice(i + 2, i + 6), 16));
        i += 6;
        continue;
      }
      value += ESCAPES[next] ?? next;
      i += 2;
      continue;
    }
    value += ch;
    i += 1;
  }
  if (source[i] !== '"') throw new GraphQLSyntaxError('Unterminated string', line, start - lineStart + 1);
  return { value, end: i + 1 };
}
