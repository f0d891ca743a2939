import type { DestinationStream } from 'pino';

/** A pino destination that keeps every line, for specs that read what was logged. */
export function captureLines(): DestinationStream & { lines: string[]; records(): Array<Record<string, unknown>> } {
  const lines: string[] = [];
  return {
    lines,
    write: (line: string) => void lines.push(line),
    records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
