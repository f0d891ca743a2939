/**
 * The event store's global position ("transaction:sequence") as numbers that compare. Read models
 * decide whether an event is new by its position, never by when it arrived.
 */
export type Position = { tx: bigint; seq: bigint };

const POSITION = /^(\d+):(\d+)$/;

export function parsePosition(position: string): Position {
  const match = POSITION.exec(position);
  if (!match) throw new Error(`not an event store position: "${position}"`);
  return { tx: BigInt(match[1]!), seq: BigInt(match[2]!) };
}

export const formatPosition = (p: Position): string => `${p.tx}:${p.seq}`;

export function comparePositions(a: Position, b: Position): number {
  if (a.tx !== b.tx) return a.tx < b.tx ? -1 : 1;
  if (a.seq !== b.seq) return a.seq < b.seq ? -1 : 1;
  return 0;
}

/** True when `candidate` comes after `floor` (anything comes after no floor at all). */
export const isAfter = (candidate: Position, floor: Position | null): boolean => floor === null || comparePositions(candidate, floor) > 0;

/** The later of two positions, either of which may be missing. */
export function laterOf(a: Position | null, b: Position | null): Position | null {
  if (a === null) return b;
  if (b === null) return a;
  return comparePositions(a, b) >= 0 ? a : b;
}

/** From two numeric columns (strings from pg) to a position; null when the row has none. */
export function positionFromColumns(tx: string | null, seq: string | null): Position | null {
  return tx === null || seq === null ? null : { tx: BigInt(tx), seq: BigInt(seq) };
}
