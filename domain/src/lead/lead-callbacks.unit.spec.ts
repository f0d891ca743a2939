import { DeciderSpecification } from '../decider/specification';
import type { Qualification } from '../qualification/qualification';
import type { LeadCommand } from './commands';
import { leadDecider } from './decide';
import type { LeadEvent, Slot } from './events';

const spec = DeciderSpecification.for(leadDecider);
const caller = '+15125550101';
const tenantPhone = '+15125550000';
const slotA: Slot = { slotId: 'a', start: '2026-12-01T15:00:00.000Z', end: '2026-12-01T17:00:00.000Z' };
const slotB: Slot = { slotId: 'b', start: '2026-12-02T15:00:00.000Z', end: '2026-12-02T17:00:00.000Z' };
const qualification = (over: Partial<Qualification> = {}): Qualification => ({
  urgency: 'scheduled',
  serviceType: 'hvac',
  subCategory: 'no-cooling',
  serviceArea: { zip: '78701', city: null, inArea: true },
  intent: 'high',
  summary: 'AC not cooling',
  source: 'rules',
  model: null,
  ...over,
});
const qualified = (over: Partial<Qualification> = {}): LeadEvent[] => [
  { type: 'CallMissed', data: { callSessionId: 'c1', callerPhone: caller, tenantPhone, reason: 'timeout', calledAt: '2026-11-28T15:00:00.000Z', repeatCall: false } },
  { type: 'ReplyReceived', data: { messageId: 'm1', callerPhone: caller, tenantPhone, text: 'AC out', receivedAt: '2026-11-28T15:01:00.000Z' } },
  { type: 'LeadQualified', data: { ...qualification(over), replyMessageId: 'm1' } },
];
const start: LeadCommand = { type: 'StartCallback', data: { requestId: 'q1', slots: [slotA, slotB] } };
const started: LeadEvent[] = [
  { type: 'CallbackStarted', data: { attemptId: 'q1#1', attempt: 1 } },
  { type: 'SlotsOffered', data: { slots: [slotA, slotB], via: 'voice' } },
];
const book = (slotId: string, bookingId = 'bk1'): LeadCommand => ({
  type: 'BookSlot',
  data: { bookingId, slotId, address: '12 Oak St', serviceType: 'hvac', summary: 'AC not cooling', via: 'voice' },
});

describe('lead decider: callbacks', () => {
  it('claims one call for a qualified, in-area, high-intent lead, with the slots it will offer', () => spec.given(qualified()).when(start).then(started));

  it.each([
    ['low intent', { intent: 'low' as const }],
    ['out of the area', { serviceArea: { zip: '10001', city: null, inArea: false } }],
  ])('does not call a lead that is %s', (_name, over) => spec.given(qualified(over)).when(start).thenNothingHappens());

  it('does not call twice', () => spec.given([...qualified(), ...started]).when({ ...start, data: { ...start.data, requestId: 'q2' } }).thenNothingHappens());

  it('does not call an opted-out lead', () =>
    spec.given([...qualified(), { type: 'LeadOptedOut', data: { source: 'keyword', detail: 'STOP' } }]).when(start).thenNothingHappens());

  it('records the end of the call once', () => {
    const ended: LeadCommand = { type: 'RecordCallbackEnded', data: { attemptId: 'q1#1', outcome: 'no-answer', detail: 'timeout' } };
    spec.given([...qualified(), ...started]).when(ended).then([{ type: 'CallbackEnded', data: ended.data }]);
    spec.given([...qualified(), ...started, { type: 'CallbackEnded', data: ended.data as never }]).when(ended).thenNothingHappens();
  });
});

describe('lead decider: booking', () => {
  const booked: LeadEvent = {
    type: 'CallbackBooked',
    data: { bookingId: 'bk1', slot: slotB, address: '12 Oak St', serviceType: 'hvac', summary: 'AC not cooling', bookedVia: 'voice' },
  };

  it('books an offered slot and stops the follow-ups', () =>
    spec
      .given([...qualified(), ...started, { type: 'FollowUpScheduled', data: { step: 3, dueAt: '2026-12-01T15:00:00.000Z' } }])
      .when(book('b'))
      .then([booked, { type: 'FollowUpsCancelled', data: { reason: 'booked', steps: [3] } }]));

  it('refuses a slot that was never offered', () => spec.given([...qualified(), ...started]).when(book('zz')).thenThrows('slot_not_offered'));

  it('is harmless to repeat, and refuses a second booking', () => {
    spec.given([...qualified(), ...started, booked]).when(book('b')).thenNothingHappens();
    spec.given([...qualified(), ...started, booked]).when(book('a', 'bk2')).thenThrows('already_booked');
  });

  it('records the CRM sync once per CRM', () => {
    const synced: LeadCommand = { type: 'RecordJobSynced', data: { bookingId: 'bk1', crm: 'jobber', customerId: 'c', jobId: 'j', customerReused: false } };
    spec.given([...qualified(), ...started, booked]).when(synced).then([{ type: 'JobSynced', data: synced.data as never }]);
    spec.given([...qualified(), ...started, booked, { type: 'JobSynced', data: synced.data as never }]).when(synced).thenNothingHappens();
  });
});
