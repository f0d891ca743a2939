import type { ExpectedVersion } from '@naxio/domain';

/** `actual` is -1 for a stream that does not exist yet. */
export function checkExpectedVersion(expected: ExpectedVersion, actual: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actual === -1;
  return expected === actual;
}
