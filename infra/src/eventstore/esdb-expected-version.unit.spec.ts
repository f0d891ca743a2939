import { ANY, NO_STREAM, StreamNotFoundError, UnavailableError, WrongExpectedVersionError } from '@eventstore/db-client';
import { WrongExpectedVersion } from '@naxio/domain';
import {
  InvalidExpectedVersion,
  isEsdbStreamNotFound,
  isEsdbWrongExpectedVersion,
  toExpectedRevision,
  toWrongExpectedVersion,
  versionFromRevision,
} from './esdb-expected-version';

describe('expected versions in EventStoreDB terms', () => {
  it('maps a version to the revision of the last event', () => {
    expect(toExpectedRevision(0)).toBe(0n);
    expect(toExpectedRevision(41)).toBe(41n);
  });

  it("maps -1 and 'no_stream' to NO_STREAM and 'any' to ANY", () => {
    expect(toExpectedRevision(-1)).toBe(NO_STREAM);
    expect(toExpectedRevision('no_stream')).toBe(NO_STREAM);
    expect(toExpectedRevision('any')).toBe(ANY);
  });

  it.each([-2, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 2])('refuses %p before anything is sent', (version) => {
    expect(() => toExpectedRevision(version)).toThrow(InvalidExpectedVersion);
  });

  it('counts a missing stream as version -1', () => {
    expect(versionFromRevision(NO_STREAM)).toBe(-1);
    expect(versionFromRevision(-1n)).toBe(-1);
    expect(versionFromRevision(7n)).toBe(7);
  });
});

describe("the client's errors in our terms", () => {
  const conflict = (current: bigint | typeof NO_STREAM) =>
    new WrongExpectedVersionError(undefined, { streamName: 'lead-t-1', expected: NO_STREAM, current });

  it('turns a conflict into WrongExpectedVersion with the actual version', () => {
    const error = conflict(3n);
    expect(isEsdbWrongExpectedVersion(error)).toBe(true);
    const ours = toWrongExpectedVersion(error, 'lead-t-1', 'no_stream');
    expect(ours).toBeInstanceOf(WrongExpectedVersion);
    expect(ours).toMatchObject({ code: 'wrong_expected_version', streamId: 'lead-t-1', expected: 'no_stream', actual: 3 });
  });

  it('reports a conflict on a stream that does not exist as actual -1', () => {
    expect(toWrongExpectedVersion(conflict(NO_STREAM), 'lead-t-1', 4).actual).toBe(-1);
  });

  it('tells a missing stream from other failures', () => {
    expect(isEsdbStreamNotFound(new StreamNotFoundError(undefined, 'lead-t-1'))).toBe(true);
    expect(isEsdbStreamNotFound(conflict(1n))).toBe(false);
    expect(isEsdbWrongExpectedVersion(new StreamNotFoundError(undefined, 'lead-t-1'))).toBe(false);
    expect(isEsdbWrongExpectedVersion(new UnavailableError())).toBe(false);
    expect(isEsdbStreamNotFound(new Error('stream-not-found'))).toBe(false);
    expect(isEsdbStreamNotFound(undefined)).toBe(false);
  });
});
