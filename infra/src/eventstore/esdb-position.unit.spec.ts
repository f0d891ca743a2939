import { compareEsdbPositions, decodeEsdbPosition, encodeEsdbPosition, InvalidEventPosition, isAfterEsdbPosition } from './esdb-position';

describe('EventStoreDB position tokens', () => {
  it('round-trips commit and prepare, beyond the range of a double', () => {
    const position = { commit: 9007199254740993n, prepare: 9007199254740995n };
    const token = encodeEsdbPosition(position);
    expect(token).toBe('9007199254740993:9007199254740995');
    expect(decodeEsdbPosition(token)).toEqual(position);
  });

  it('reads no token as the start of the log', () => {
    expect(decodeEsdbPosition(undefined)).toBeUndefined();
  });

  it.each(['', '12', '12:', ':12', '-1:3', '1:2:3', '1.5:2', 'abc:1', ' 1:2'])('refuses the malformed token %p with its code', (token) => {
    expect(() => decodeEsdbPosition(token)).toThrow(InvalidEventPosition);
    expect(() => decodeEsdbPosition(token)).toThrow(expect.objectContaining({ code: 'invalid_event_position', token }));
  });

  it('orders by commit, then prepare', () => {
    expect(compareEsdbPositions({ commit: 1n, prepare: 9n }, { commit: 2n, prepare: 0n })).toBe(-1);
    expect(compareEsdbPositions({ commit: 2n, prepare: 1n }, { commit: 2n, prepare: 0n })).toBe(1);
    expect(compareEsdbPositions({ commit: 2n, prepare: 2n }, { commit: 2n, prepare: 2n })).toBe(0);
  });

  it('treats a position as after nothing, and never after itself', () => {
    const p = { commit: 5n, prepare: 5n };
    expect(isAfterEsdbPosition(p, undefined)).toBe(true);
    expect(isAfterEsdbPosition(p, p)).toBe(false);
    expect(isAfterEsdbPosition(p, { commit: 4n, prepare: 7n })).toBe(true);
  });
});
