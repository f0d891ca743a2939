import type { ReplyRequest } from '@naxio/domain';
import { checkReply, clockMentions } from './reply-check';
import { peakComfort } from '../../../test/support/tenants';

const tenant = peakComfort({ coverage: { zips: ['78701'], cities: ['Austin'] } });

// Tuesday 1 December 2026, 2–4 PM in Chicago.
const slot = { start: '2026-12-01T20:00:00Z', end: '2026-12-01T22:00:00Z' };

function request(offeredSlots: ReplyRequest['offeredSlots'] = []): ReplyRequest {
  return {
    tenant,
    at: new Date('2026-11-30T16:00:00Z'),
    conversation: [],
    offeredSlots,
    qualification: {
      urgency: 'scheduled',
      serviceType: 'hvac',
      subCategory: 'tune-up',
      serviceArea: { zip: '78701', city: 'Austin', inArea: true },
      intent: 'high',
      summary: 'Tune-up',
      source: 'claude',
      model: 'm',
    },
  };
}

const problem = (text: string, slots: ReplyRequest['offeredSlots'] = []) => {
  const check = checkReply(text, request(slots));
  return check.ok ? null : check.problem;
};

describe('reply check', () => {
  it('lets a short question through', () => {
    expect(problem("Thanks! What's the ZIP code for the job?")).toBeNull();
  });

  it.each(['A tune-up is $89.', 'It runs about 120 dollars.', 'Our service fee is 79 for the visit.', 'The price would be 150-200.'])(
    'refuses a price: %s',
    (text) => expect(problem(text)).toBe('quotes a price'),
  );

  it('allows talking about price without an amount', () => {
    expect(problem('The technician will go over pricing once they see the job. When works for you?')).toBeNull();
  });

  it.each(['A tech will be there within the hour.', "We'll be out in 30 minutes.", 'Someone will call in a few minutes.'])(
    'refuses an arrival nobody scheduled: %s',
    (text) => expect(problem(text)).toBe('promises an arrival time'),
  );

  it('refuses a time of day when no slot was offered', () => {
    expect(problem('Can we come by at 3 PM today?')).toBe('names 3 PM, which is not an offered slot');
  });

  it('allows the offered slot, written the way the templates write it or otherwise', () => {
    expect(problem('We have Tue, Dec 1, 2:00 PM–4:00 PM open. Or 2:00–4:00 PM? Does that work?', [slot])).toBeNull();
    expect(problem('How about Tuesday at 3pm?', [slot])).toBeNull();
  });

  it('refuses a time outside every offered slot', () => {
    expect(problem('How about Tuesday at 9 a.m.?', [slot])).toBe('names 9 a.m., which is not an offered slot');
  });

  it('refuses a reply longer than two SMS segments', () => {
    expect(problem('x'.repeat(321))).toBe('321 characters (at most 320)');
  });

  it('reads bare clock times both ways and 12-hour times one way', () => {
    expect(clockMentions('2:30 or 14:00 or 12 pm')).toEqual([
      { text: '12 pm', readings: [720] },
      { text: '2:30', readings: [150, 870] },
      { text: '14:00', readings: [840] },
    ]);
  });
});
