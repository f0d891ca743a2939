import { instantAt, localDateAt, utcOffsetMs, wallClockAt, weekdayOf } from './zoned-time';

const HOUR = 3_600_000;

describe('zoned time', () => {
  it('reads the wall clock of an instant in a zone', () => {
    expect(wallClockAt(new Date('2026-07-01T12:34:56Z'), 'America/Los_Angeles')).toEqual({
      year: 2026, month: 7, day: 1, hour: 5, minute: 34, second: 56,
    });
    expect(localDateAt(new Date('2026-07-01T03:00:00Z'), 'America/Chicago')).toEqual({ year: 2026, month: 6, day: 30 });
    expect(utcOffsetMs(new Date('2026-07-01T12:00:00Z'), 'America/New_York')).toBe(-4 * HOUR);
    expect(utcOffsetMs(new Date('2026-01-01T12:00:00Z'), 'America/New_York')).toBe(-5 * HOUR);
  });

  it('finds the instant of a wall-clock time on ordinary days', () => {
    expect(instantAt({ year: 2026, month: 7, day: 1 }, 8 * 60, 'America/New_York').toISOString()).toBe('2026-07-01T12:00:00.000Z');
    expect(instantAt({ year: 2026, month: 1, day: 15 }, 8 * 60, 'America/New_York').toISOString()).toBe('2026-01-15T13:00:00.000Z');
    expect(instantAt({ year: 2026, month: 7, day: 1 }, 8 * 60, 'Asia/Kolkata').toISOString()).toBe('2026-07-01T02:30:00.000Z');
  });

  it('moves a time inside the spring-forward gap past the gap', () => {
    // 8 March 2026, New York: 02:00 EST becomes 03:00 EDT; 02:30 does not exist
    expect(instantAt({ year: 2026, month: 3, day: 8 }, 150, 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(instantAt({ year: 2026, month: 3, day: 8 }, 3 * 60, 'America/New_York').toISOString()).toBe('2026-03-08T07:00:00.000Z');
    expect(instantAt({ year: 2026, month: 3, day: 8 }, 90, 'America/New_York').toISOString()).toBe('2026-03-08T06:30:00.000Z');
  });

  it('takes the first of a time that happens twice when clocks fall back', () => {
    // 1 November 2026, New York: 01:30 EDT (05:30 UTC), then 01:30 EST (06:30 UTC)
    expect(instantAt({ year: 2026, month: 11, day: 1 }, 90, 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(instantAt({ year: 2026, month: 11, day: 1 }, 2 * 60, 'America/New_York').toISOString()).toBe('2026-11-01T07:00:00.000Z');
  });

  it('round-trips every half hour of a year in zones with and without daylight time', () => {
    const zones = ['America/New_York', 'America/Denver', 'America/Phoenix', 'Pacific/Honolulu', 'America/Anchorage', 'Australia/Lord_Howe'];
    for (const zone of zones) {
      const failures: string[] = [];
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 30 * 60_000) {
        const w = wallClockAt(new Date(t), zone);
        const back = instantAt(w, w.hour * 60 + w.minute, zone).getTime();
        // the second pass through a repeated hour maps to the first, exactly one offset change earlier
        const repeated = back < t && utcOffsetMs(new Date(back), zone) !== utcOffsetMs(new Date(t), zone);
        if (back !== t && !repeated) failures.push(new Date(t).toISOString());
      }
      expect({ zone, failures }).toEqual({ zone, failures: [] });
    }
  });

  it('names the weekday of a calendar date', () => {
    expect(weekdayOf({ year: 2026, month: 6, day: 14 })).toBe('sun');
    expect(weekdayOf({ year: 2024, month: 2, day: 29 })).toBe('thu');
  });
});
