import { allowedWindow, mayTextNow, nextAllowedSendTime, type RecipientLocation } from './quiet-hours';

const at = (iso: string) => new Date(iso);
const next = (iso: string, recipient: RecipientLocation) => nextAllowedSendTime(at(iso), recipient).toISOString();

const newYork: RecipientLocation = { timezone: 'America/New_York', state: 'NY' };
const florida: RecipientLocation = { timezone: 'America/New_York', state: 'FL' };
const connecticut: RecipientLocation = { timezone: 'America/New_York', state: 'CT' };
const texas: RecipientLocation = { timezone: 'America/Chicago', state: 'TX' };
const rhodeIsland: RecipientLocation = { timezone: 'America/New_York', state: 'RI' };
const mississippi: RecipientLocation = { timezone: 'America/Chicago', state: 'MS' };

describe('allowed window', () => {
  it('is the federal 8:00–21:00 where no state rule is known', () => {
    expect(allowedWindow(null, { year: 2026, month: 6, day: 14 })).toEqual({ open: '08:00', close: '21:00' });
    expect(allowedWindow('NY', { year: 2026, month: 6, day: 14 })).toEqual({ open: '08:00', close: '21:00' });
  });

  it('narrows to the state rule', () => {
    expect(allowedWindow('FL', { year: 2026, month: 6, day: 14 })).toEqual({ open: '08:00', close: '20:00' });
    expect(allowedWindow('CT', { year: 2026, month: 6, day: 14 })).toEqual({ open: '09:00', close: '20:00' });
    // Sunday 14 June 2026 and Monday 15 June in Texas
    expect(allowedWindow('TX', { year: 2026, month: 6, day: 14 })).toEqual({ open: '12:00', close: '21:00' });
    expect(allowedWindow('TX', { year: 2026, month: 6, day: 15 })).toEqual({ open: '09:00', close: '21:00' });
  });

  it('has no window on a Rhode Island Sunday or holiday, and short Saturdays', () => {
    expect(allowedWindow('RI', { year: 2026, month: 6, day: 14 })).toBeNull(); // Sunday
    expect(allowedWindow('RI', { year: 2026, month: 6, day: 13 })).toEqual({ open: '10:00', close: '17:00' });
    expect(allowedWindow('RI', { year: 2026, month: 6, day: 15 })).toEqual({ open: '09:00', close: '18:00' });
    expect(allowedWindow('RI', { year: 2026, month: 8, day: 10 })).toBeNull(); // Victory Day
    expect(allowedWindow('RI', { year: 2026, month: 11, day: 26 })).toBeNull(); // Thanksgiving
    expect(allowedWindow('RI', { year: 2026, month: 7, day: 3 })).toBeNull(); // 4 July is a Saturday: observed Friday
    expect(allowedWindow('RI', { year: 2026, month: 7, day: 6 })).toBeNull(); // ... and Monday by the state
    expect(allowedWindow('RI', { year: 2026, month: 11, day: 3 })).toBeNull(); // election day, even year
    expect(allowedWindow('RI', { year: 2027, month: 11, day: 2 })).toEqual({ open: '09:00', close: '18:00' });
  });

  it('has no window on a Mississippi Sunday', () => {
    expect(allowedWindow('MS', { year: 2026, month: 6, day: 14 })).toBeNull();
  });
});

describe('next allowed send time', () => {
  it('returns the very instant when it is inside the window', () => {
    const noon = at('2026-06-10T16:00:00Z'); // 12:00 EDT
    expect(nextAllowedSendTime(noon, newYork)).toBe(noon);
    expect(mayTextNow(noon, newYork)).toBe(true);
  });

  it('holds a Florida lead at 20:30 until 8:00 the next morning', () => {
    // 20:30 EDT on Wednesday 10 June 2026
    expect(next('2026-06-11T00:30:00Z', florida)).toBe('2026-06-11T12:00:00.000Z');
    // the same instant is fine in New York (federal 21:00 close)
    expect(next('2026-06-11T00:30:00Z', newYork)).toBe('2026-06-11T00:30:00.000Z');
  });

  it('holds a Connecticut lead at 8:30 until 9:00', () => {
    expect(next('2026-06-10T12:30:00Z', connecticut)).toBe('2026-06-10T13:00:00.000Z');
  });

  it('treats the close as exclusive', () => {
    expect(next('2026-06-11T01:00:00Z', newYork)).toBe('2026-06-11T12:00:00.000Z'); // 21:00 EDT
    expect(next('2026-06-11T00:59:59Z', newYork)).toBe('2026-06-11T00:59:59.000Z');
  });

  it('opens at 8:00 EDT on the spring-forward day in New York', () => {
    // 01:00 EST on Sunday 8 March 2026; clocks jump 02:00 → 03:00, so 8:00 EDT is 12:00 UTC
    expect(next('2026-03-08T06:00:00Z', newYork)).toBe('2026-03-08T12:00:00.000Z');
    // a late text the evening before still waits for the next morning on the new offset
    expect(next('2026-03-08T02:30:00Z', newYork)).toBe('2026-03-08T12:00:00.000Z');
    // and a day earlier the opening is on standard time
    expect(next('2026-03-07T06:00:00Z', newYork)).toBe('2026-03-07T13:00:00.000Z');
  });

  it('opens at 8:00 EST on the fall-back day and closes at 21:00 EST', () => {
    // 21:30 EDT on Saturday 31 October 2026; 1 November 8:00 EST is 13:00 UTC
    expect(next('2026-11-01T01:30:00Z', newYork)).toBe('2026-11-01T13:00:00.000Z');
    // 01:30 happens twice that night; both are quiet
    expect(next('2026-11-01T05:30:00Z', newYork)).toBe('2026-11-01T13:00:00.000Z');
    expect(next('2026-11-01T06:30:00Z', newYork)).toBe('2026-11-01T13:00:00.000Z');
    // 20:59 EST is still open, 21:00 EST (02:00 UTC) is not
    expect(next('2026-11-02T01:59:00Z', newYork)).toBe('2026-11-02T01:59:00.000Z');
    expect(next('2026-11-02T02:00:00Z', newYork)).toBe('2026-11-02T13:00:00.000Z');
  });

  it('keeps Arizona on standard time while Denver moves', () => {
    const phoenix: RecipientLocation = { timezone: 'America/Phoenix', state: 'AZ' };
    const denver: RecipientLocation = { timezone: 'America/Denver', state: 'CO' };
    // 14:30 UTC in July: 07:30 in Phoenix (MST), 08:30 in Denver (MDT)
    expect(next('2026-07-01T14:30:00Z', phoenix)).toBe('2026-07-01T15:00:00.000Z');
    expect(next('2026-07-01T14:30:00Z', denver)).toBe('2026-07-01T14:30:00.000Z');
    // in January both read 07:30
    expect(next('2026-01-15T14:30:00Z', phoenix)).toBe('2026-01-15T15:00:00.000Z');
    expect(next('2026-01-15T14:30:00Z', denver)).toBe('2026-01-15T15:00:00.000Z');
  });

  it('follows Hawaii, ten hours behind UTC all year', () => {
    const hawaii: RecipientLocation = { timezone: 'Pacific/Honolulu', state: 'HI' };
    expect(next('2026-07-01T17:00:00Z', hawaii)).toBe('2026-07-01T18:00:00.000Z'); // 07:00 HST
    expect(next('2026-07-02T07:00:00Z', hawaii)).toBe('2026-07-02T18:00:00.000Z'); // 21:00 HST
  });

  it('waits until noon on a Texas Sunday morning', () => {
    // 10:00 CDT on Sunday 14 June 2026
    expect(next('2026-06-14T15:00:00Z', texas)).toBe('2026-06-14T17:00:00.000Z');
    // Saturday 8:30 waits for 9:00
    expect(next('2026-06-13T13:30:00Z', texas)).toBe('2026-06-13T14:00:00.000Z');
    // Saturday 21:15 → Sunday noon
    expect(next('2026-06-14T02:15:00Z', texas)).toBe('2026-06-14T17:00:00.000Z');
  });

  it('skips a Rhode Island Sunday and a holiday Monday', () => {
    // Saturday 8 August 2026 17:30 EDT → Sunday none → Monday 10 August Victory Day none → Tuesday 9:00
    expect(next('2026-08-08T21:30:00Z', rhodeIsland)).toBe('2026-08-11T13:00:00.000Z');
    // Saturday 9:30 waits for 10:00
    expect(next('2026-08-08T13:30:00Z', rhodeIsland)).toBe('2026-08-08T14:00:00.000Z');
  });

  it('holds Mississippi to 8:00 Central Standard Time, i.e. 9:00 while daylight time is on', () => {
    expect(next('2026-07-01T13:30:00Z', mississippi)).toBe('2026-07-01T14:00:00.000Z'); // 08:30 CDT
    expect(next('2026-01-15T14:30:00Z', mississippi)).toBe('2026-01-15T14:30:00.000Z'); // 08:30 CST
    // Sunday 14 June 2026 → Monday 9:00 CDT
    expect(next('2026-06-14T18:00:00Z', mississippi)).toBe('2026-06-15T14:00:00.000Z');
  });

  it('satisfies every zone an area code may mean', () => {
    const panhandle: RecipientLocation = { timezone: 'America/Chicago', state: 'FL', otherPossibleTimezones: ['America/New_York'] };
    // 07:30 CDT / 08:30 EDT → 08:00 CDT
    expect(next('2026-06-10T12:30:00Z', panhandle)).toBe('2026-06-10T13:00:00.000Z');
    // 19:30 CDT / 20:30 EDT: past the Eastern close → 08:00 CDT the next day
    expect(next('2026-06-11T00:30:00Z', panhandle)).toBe('2026-06-11T13:00:00.000Z');
    // 18:30 CDT / 19:30 EDT: open on both clocks
    expect(next('2026-06-10T23:30:00Z', panhandle)).toBe('2026-06-10T23:30:00.000Z');
  });
});
