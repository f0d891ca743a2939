import { callbackGreeting, describeSlot, slotChoiceOf, slotOfferText } from './callback-texts';

const tenant = {
  id: 't', company: 'Peak Comfort HVAC', trade: 'hvac' as const, phoneNumbers: ['+15125550100'], ownerPhone: '+15125550199',
  timezone: 'America/Chicago', businessHours: {}, persona: 'Jordan', templates: {}, coverage: { zips: [], cities: [] },
};
const slots = [
  { slotId: 'a', start: '2026-12-01T15:00:00.000Z', end: '2026-12-01T17:00:00.000Z' },
  { slotId: 'b', start: '2026-12-02T20:00:00.000Z', end: '2026-12-02T22:00:00.000Z' },
];

describe('callback wording', () => {
  it('says a slot in the tenant’s time zone', () => expect(describeSlot(slots[0]!, 'America/Chicago')).toBe('Tue, Dec 1, 9:00 AM–11:00 AM'));

  it('opens the call with the business, an automated-assistant notice, the recording notice and an opt-out', () => {
    const greeting = callbackGreeting(tenant, slots, true);
    expect(greeting).toMatch(/^Hi, this is Jordan, an automated assistant calling for Peak Comfort HVAC/);
    expect(greeting).toContain('This call is recorded.');
    expect(greeting).toContain('say stop calling');
    expect(callbackGreeting(tenant, slots, false)).not.toContain('recorded');
  });

  it('offers numbered slots by text', () =>
    expect(slotOfferText(tenant, slots)).toBe('Peak Comfort HVAC: we can come 1) Tue, Dec 1, 9:00 AM–11:00 AM, 2) Wed, Dec 2, 2:00 PM–4:00 PM. Reply 1 or 2 to book, or tell us a better time.'));

  it.each([
    ['1', 1], ['2.', 2], ['#2', 2], ['option 1', 1], ['the first one', 1], ['Second works for me', 2], ['two', 2],
    ['3', null], ['I have 2 dogs', null], ['can you do friday?', null],
  ])('reads "%s" as choice %s of two', (text, choice) => expect(slotChoiceOf(text, 2)).toBe(choice));
});
