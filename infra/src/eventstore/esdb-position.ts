import type { Position } from '@eventstore/db-client';

/**
 * EventStoreDB's place in its transaction log is a pair (commit, prepare). Our port hands out opaque
 * strings, so the pair travels as `commit:prepare` in decimal: bigints survive a checkpoint table
 * and JSON without losing precision, and the text sorts nowhere but here.
 */

export class InvalidEventPosition extends Error {
  readonly code = 'invalid_event_position';
  constructor(readonly token: string) {
    super(`not an EventStoreDB position (expected "commit:prepare"): ${token}`);
    this.name = 'InvalidEventPosition';
  }
}

const TOKEN = /^(\d+):(\d+)$/;

export function encodeEsdbPosition(position: Position): string {
  return `${position.commit.toString(10)}:${position.prepare.toString(10)}`;
}

/** Undefined means "from the start of the log". */
export function decodeEsdbPosition(token: string | undefined): Position | undefined {
  if (token === undefined) return undefined;
  const match = TOKEN.exec(token);
  if (!match) throw new InvalidEventPosition(token);
  return { commit: BigInt(match[1]!), prepare: BigInt(match[2]!) };
}

/** The log's own order: by commit position, then by prepare position within one commit. */
export function compareEsdbPositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** True when `position` comes strictly after `after` (or there is no lower bound). */
export function isAfterEsdbPosition(position: Position, after: Position | undefined): boolean {
  return after === undefined || compareEsdbPositions(position, after) > 0;
}
