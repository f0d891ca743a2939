import { ANY, NO_STREAM, type AppendExpectedRevision, type CurrentRevision } from '@eventstore/db-client';
import { type ExpectedVersion, WrongExpectedVersion } from '@naxio/domain';

/**
 * Our expected versions in EventStoreDB's terms, and its answers back in ours. The client's errors
 * are recognised by their `type` field rather than `instanceof`, so a second copy of the client
 * package in node_modules cannot make a conflict look like an unknown failure.
 */

export class InvalidExpectedVersion extends Error {
  readonly code = 'invalid_expected_version';
  constructor(readonly expected: ExpectedVersion) {
    super(`not an expected version: ${String(expected)} (a version >= -1, 'any' or 'no_stream')`);
    this.name = 'InvalidExpectedVersion';
  }
}

/** A number is the stream's last revision; -1 (like 'no_stream') says the stream must not exist. */
export function toExpectedRevision(expected: ExpectedVersion): AppendExpectedRevision {
  if (expected === 'any') return ANY;
  if (expected === 'no_stream' || expected === -1) return NO_STREAM;
  if (!Number.isSafeInteger(expected) || expected < -1) throw new InvalidExpectedVersion(expected);
  return BigInt(expected);
}

/** The stream's version as our port counts it: -1 for a stream with no events. */
export function versionFromRevision(current: CurrentRevision): number {
  if (current === NO_STREAM) return -1;
  return current < 0n ? -1 : Number(current);
}

type WrongExpectedVersionLike = { type: 'wrong-expected-version'; actualVersion: CurrentRevision };

export function isEsdbWrongExpectedVersion(error: unknown): error is WrongExpectedVersionLike {
  return (error as { type?: unknown } | null)?.type === 'wrong-expected-version';
}

export function isEsdbStreamNotFound(error: unknown): boolean {
  return (error as { type?: unknown } | null)?.type === 'stream-not-found';
}

export function toWrongExpectedVersion(error: WrongExpectedVersionLike, streamId: string, expected: ExpectedVersion): WrongExpectedVersion {
  return new WrongExpectedVersion(streamId, expected, versionFromRevision(error.actualVersion));
}
