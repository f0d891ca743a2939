import { DomainRuleViolated } from '../decider/decider';
import type { BookingPolicy } from './booking-policy';
import { type BookableTenant, freeSlots, slotIdOf, type SlotSearch } from './free-slots';
import type { ReservedPlace } from './slot-reservations';

const tenant: BookableTenant = {
  id: 'harbor-air',
  trade: 'hvac',
  timezone: 'America/New_York',
  businessHours: {
    mon: { open: '08:00', close: '12:00' },
    tue: { open: '08:00', close: '12:00' },
    wed: { open: '08:00', close: '12:00' },
    thu: { open: '08:00', close: '12:00' },
    fri: { open: '08:00', close: '12:00' },
    sat: { open: '09:00', close: '11:00' },
  },
};
const twoTechs: BookingPolicy = { capacity: 2, emergencyReservePerDay: 0 };

// Friday 12 June 2026 00:00 EDT to Tuesday 16 June 00:00 EDT
const weekend = { from: new Date('2026-06-12T04:00:00Z'), to: new Date('2026-06-16T04:00:00Z') };

const search = (overrides: Partial<SlotSearch> = {}): SlotSearch => ({
  tenant, jobKind: 'maintenance', policy: twoTechs, reservations: [], ...weekend, ...overrides,
});
const starts = (overrides: Partial<SlotSearch> = {}) => freeSlots(search(overrides)).map((s) => s.start.slice(0, 16));
const place = (start: string, end: string, technicianIndex: number): ReservedPlace => ({ start, end, technicianIndex });

describe('free slots', () => {
  it('lays slots of the kind’s length over open hours, skipping closed days, in order', () => {
    expect(starts()).toEqual([
      '2026-06-12T12:00', '2026-06-12T13:00', '2026-06-12T14:00', '2026-06-12T15:00', // Fri 8–12 EDT
      '2026-06-13T13:00', '2026-06-13T14:00', // Sat 9–11
      '2026-06-15T12:00', '2026-06-15T13:00', '2026-06-15T14:00', '2026-06-15T15:00', // Mon
    ]);
    expect(starts({ jobKind: 'repair' })).toEqual(['2026-06-12T12:00', '2026-06-12T14:00', '2026-06-13T13:00', '2026-06-15T12:00', '2026-06-15T14:00']);
    expect(starts({ policy: { ...twoTechs, slotMinutes: { maintenance: 90 } } })).toEqual([
      '2026-06-12T12:00', '2026-06-12T13:30', '2026-06-13T13:00', '2026-06-15T12:00', '2026-06-15T13:30',
    ]);
  });

  it('names each slot by tenant, start and end, the same on every call', () => {
    const [first] = freeSlots(search());
    expect(first).toEqual({ slotId: 'slot-harbor-air-20260612T120000Z-20260612T130000Z', start: '2026-06-12T12:00:00.000Z', end: '2026-06-12T13:00:00.000Z' });
    expect(freeSlots(search())).toEqual(freeSlots(search()));
    expect(slotIdOf('other', new Date(first!.start), new Date(first!.end))).not.toBe(first!.slotId);
  });

  it('returns only slots that start inside [from, to)', () => {
    const from = new Date('2026-06-12T13:30:00Z');
    const to = new Date('2026-06-13T13:00:00Z');
    expect(starts({ from, to })).toEqual(['2026-06-12T14:00', '2026-06-12T15:00']);
  });

  it('drops a slot once every technician is booked over any part of it', () => {
    const oneTaken = [place('2026-06-12T13:00:00Z', '2026-06-12T14:00:00Z', 0)];
    expect(starts({ reservations: oneTaken })).toContain('2026-06-12T13:00');
    const bothTaken = [...oneTaken, place('2026-06-12T13:00:00Z', '2026-06-12T14:00:00Z', 1)];
    expect(starts({ reservations: bothTaken })).not.toContain('2026-06-12T13:00');
    // a two-hour repair on technician 0 and a tune-up on technician 1 close 8:00 and 9:00, not 10:00
    const mixed = [place('2026-06-12T12:00:00Z', '2026-06-12T14:00:00Z', 0), place('2026-06-12T13:00:00Z', '2026-06-12T14:00:00Z', 1)];
    expect(starts({ reservations: mixed }).filter((s) => s.startsWith('2026-06-12'))).toEqual(['2026-06-12T12:00', '2026-06-12T14:00', '2026-06-12T15:00']);
  });

  it('needs one technician free for the whole slot, not just enough places at each moment', () => {
    // technician 0 busy 8–9, technician 1 busy 9–10: nobody can take an 8–10 repair
    const staggered = [place('2026-06-12T12:00:00Z', '2026-06-12T13:00:00Z', 0), place('2026-06-12T13:00:00Z', '2026-06-12T14:00:00Z', 1)];
    expect(starts({ jobKind: 'repair', reservations: staggered })).not.toContain('2026-06-12T12:00');
    expect(starts({ reservations: staggered })).toContain('2026-06-12T12:00');
  });

  it('keeps the last free place of each day for emergencies', () => {
    const friday = ['12', '13', '14'].map((h) => place(`2026-06-12T${h}:00:00Z`, `2026-06-12T${Number(h) + 1}:00:00Z`, 0));
    const oneTech: BookingPolicy = { capacity: 1, slotMinutes: { emergency: 60 } };
    expect(starts({ policy: oneTech, reservations: friday })).not.toContain('2026-06-12T15:00');
    expect(starts({ policy: oneTech, reservations: friday, jobKind: 'emergency' })[0]).toBe('2026-06-12T15:00');
    expect(starts({ policy: { ...oneTech, emergencyReservePerDay: 0 }, reservations: friday })).toContain('2026-06-12T15:00');
    // with two places left on Friday, routine work may take either
    expect(starts({ policy: oneTech, reservations: friday.slice(1) }).filter((s) => s.startsWith('2026-06-12'))).toEqual(['2026-06-12T12:00', '2026-06-12T15:00']);
  });

  it('counts the reserve from `from` on, so a morning already past does not hold it', () => {
    const from = new Date('2026-06-12T14:30:00Z'); // Friday 10:30 EDT: only 11:00 is left that day
    expect(starts({ from, policy: { capacity: 1 } })[0]).toBe('2026-06-13T13:00');
    expect(starts({ from, policy: { capacity: 1, slotMinutes: { emergency: 60 } }, jobKind: 'emergency' })[0]).toBe('2026-06-12T15:00');
  });

  it('follows the tenant’s clock across daylight-time changes', () => {
    // Friday 6 March 2026 is on EST, Monday 9 March on EDT
    const spring = starts({ from: new Date('2026-03-06T05:00:00Z'), to: new Date('2026-03-10T04:00:00Z') });
    expect(spring[0]).toBe('2026-03-06T13:00');
    expect(spring).toContain('2026-03-09T12:00');
    // Friday 30 October on EDT, Monday 2 November on EST
    const fall = starts({ from: new Date('2026-10-30T04:00:00Z'), to: new Date('2026-11-03T05:00:00Z') });
    expect(fall[0]).toBe('2026-10-30T12:00');
    expect(fall).toContain('2026-11-02T13:00');
  });

  it('does not repeat a slot whose start falls in the spring-forward gap', () => {
    const nightOwl: BookableTenant = { ...tenant, businessHours: { sun: { open: '00:00', close: '06:00' } } };
    const sunday = freeSlots(search({ tenant: nightOwl, from: new Date('2026-03-08T05:00:00Z'), to: new Date('2026-03-09T04:00:00Z') }));
    // 00:00 and 01:00 EST, then 03:00, 04:00, 05:00 EDT: five real hours, five slots
    expect(sunday.map((s) => s.start.slice(11, 16))).toEqual(['05:00', '06:00', '07:00', '08:00', '09:00']);
  });

  it('refuses an impossible policy and an over-wide search', () => {
    expect(() => freeSlots(search({ policy: { capacity: 0 } }))).toThrow(DomainRuleViolated);
    expect(() => freeSlots(search({ policy: { capacity: 1, slotMinutes: { repair: 0 } } }))).toThrow(/slot length/);
    expect(() => freeSlots(search({ to: new Date('2027-06-12T00:00:00Z') }))).toThrow(/at most/);
    expect(freeSlots(search({ from: weekend.to, to: weekend.from }))).toEqual([]);
  });
});
