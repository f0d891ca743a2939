import { comparePositions, formatPosition, isAfter, laterOf, parsePosition, positionFromColumns } from './position';

describe('event store positions', () => {
  it('orders by transaction first, then sequence, as numbers rather than text', () => {
    const sorted = ['10:9', '9:100', '10:10', '100:1'].map(parsePosition).sort(comparePositions).map(formatPosition);
    expect(sorted).toEqual(['9:100', '10:9', '10:10', '100:1']);
  });

  it('treats the floor as exclusive and no floor as the beginning', () => {
    expect(isAfter(parsePosition('5:5'), parsePosition('5:5'))).toBe(false);
    expect(isAfter(parsePosition('5:6'), parsePosition('5:5'))).toBe(true);
    expect(isAfter(parsePosition('0:1'), null)).toBe(true);
  });

  it('takes the later of two positions, either of which may be missing', () => {
    expect(laterOf(null, null)).toBeNull();
    expect(laterOf(parsePosition('3:1'), null)).toEqual(parsePosition('3:1'));
    expect(laterOf(parsePosition('3:1'), parsePosition('2:9'))).toEqual(parsePosition('3:1'));
    expect(positionFromColumns('18446744073709551615', '7')).toEqual({ tx: 18446744073709551615n, seq: 7n });
  });

  it('refuses what is not a position', () => {
    expect(() => parsePosition('12')).toThrow(/not an event store position/);
    expect(() => parsePosition('a:1')).toThrow();
  });
});
