import type { Slot } from '../lead/events';
import { offerSlots } from './offer-slots';

const slot = (start: string): Slot => ({ slotId: `s-${start}`, start, end: new Date(Date.parse(start) + 3_600_000).toISOString() });
const starts = (slots: Slot[]) => slots.map((s) => s.start);
const newYork = { timezone: 'America/New_York' };

// Mon 15, Tue 16, Wed 17 June 2026, 8:00/9:00/10:00 EDT
const mon8 = '2026-06-15T12:00:00.000Z';
const mon9 = '2026-06-15T13:00:00.000Z';
const mon10 = '2026-06-15T14:00:00.000Z';
const tue8 = '2026-06-16T12:00:00.000Z';
const wed8 = '2026-06-17T12:00:00.000Z';
const wed9 = '2026-06-17T13:00:00.000Z';

describe('offer slots', () => {
  it('offers the earliest slot of each of the first days', () => {
    const slots = [mon8, mon9, mon10, tue8, wed8, wed9].map(slot);
    expect(starts(offerSlots(slots, newYork))).toEqual([mon8, tue8, wed8]);
    expect(starts(offerSlots(slots, { ...newYork, count: 2 }))).toEqual([mon8, tue8]);
  });

  it('takes a second slot of a day when there are fewer days than offers, in time order', () => {
    expect(starts(offerSlots([tue8, mon10, mon8, mon9].map(slot), newYork))).toEqual([mon8, mon9, tue8]);
  });

  it('gives an emergency the earliest slots, whatever their days', () => {
    const slots = [mon8, mon9, mon10, tue8].map(slot);
    expect(starts(offerSlots(slots, { ...newYork, emergency: true }))).toEqual([mon8, mon9, mon10]);
  });

  it('groups by the tenant’s calendar day, not by UTC date', () => {
    const mondayEvening = '2026-06-16T01:00:00.000Z'; // Monday 21:00 EDT, Tuesday in UTC
    expect(starts(offerSlots([mon8, mondayEvening, tue8].map(slot), { ...newYork, count: 2 }))).toEqual([mon8, tue8]);
    expect(starts(offerSlots([mon8, mondayEvening, tue8].map(slot), { timezone: 'UTC', count: 2 }))).toEqual([mon8, mondayEvening]);
  });

  it('offers what there is when there are fewer slots than asked for', () => {
    expect(starts(offerSlots([slot(mon8)], newYork))).toEqual([mon8]);
    expect(offerSlots([], newYork)).toEqual([]);
    expect(() => offerSlots([slot(mon8)], { ...newYork, count: 0 })).toThrow(/≥ 1/);
  });
});
