import { DeciderSpecification } from '../decider/specification';
import type { Qualification } from '../qualification/qualification';
import type { LeadCommand } from './commands';
import { leadDecider } from './decide';
import type { CallMissed, LeadEvent, ReplyReceived } from './events';

const spec = DeciderSpecification.for(leadDecider);
const caller = '+15125550101';
const tenantPhone = '+15125550000';
const owner = '+15125559999';

const missed: CallMissed = {
  type: 'CallMissed',
  data: { callSessionId: 'c1', callerPhone: caller, tenantPhone, reason: 'timeout', calledAt: '2026-11-28T15:00:00.000Z', repeatCall: false },
};
const replyData = (messageId: string, text: string) => ({ messageId, callerPhone: caller, tenantPhone, text, receivedAt: '2026-11-28T15:01:00.000Z' });
const reply = (messageId: string, text = 'AC is out'): LeadCommand => ({ type: 'RecordReply', data: replyData(messageId, text) });
const received = (messageId: string, text = 'AC is out'): ReplyReceived => ({ type: 'ReplyReceived', data: replyData(messageId, text) });
const scheduled = (step: 1 | 2): LeadEvent => ({ type: 'FollowUpScheduled', data: { step, dueAt: '2026-11-28T15:30:00.000Z' } });
const optedOut: LeadEvent = { type: 'LeadOptedOut', data: { source: 'keyword', detail: 'STOP' } };
const text = (kind: 'conversation' | 'opt-out-confirmation' | 'owner-alert', requestId: string, recipient?: string): LeadCommand => ({
  type: 'StartText',
  data: { kind, requestId, text: 'x', ...(recipient ? { recipient } : {}) },
});

describe('lead decider: replies', () => {
  it('records a reply and stops pending follow-ups', () =>
    spec.given([missed, scheduled(1), scheduled(2)]).when(reply('m1')).then([
      received('m1'),
      { type: 'FollowUpsCancelled', data: { reason: 'replied', steps: [1, 2] } },
    ]));

  it('opens a lead for a text with no call before it', () => spec.given([]).when(reply('m1')).then([received('m1')]));

  it('records one message once, however often Telnyx delivers it', () => spec.given([missed, received('m1')]).when(reply('m1')).thenNothingHappens());

  it.each(['STOP', ' stop. ', 'Unsubscribe', 'OPT OUT', 'revoke', 'Quit!', 'stopall'])('opts the lead out on "%s"', (word) =>
    spec.given([missed, scheduled(1)]).when(reply('m1', word)).then([
      received('m1', word),
      { type: 'LeadOptedOut', data: { source: 'keyword', detail: word.trim() } },
      { type: 'FollowUpsCancelled', data: { reason: 'opted-out', steps: [1] } },
    ]));

  it('does not take a sentence that contains "stop" as an opt-out', () =>
    spec.given([missed]).when(reply('m1', "the water won't stop dripping")).then([received('m1', "the water won't stop dripping")]));

  it('opts a lead back in on START', () =>
    spec.given([missed, optedOut]).when(reply('m2', 'START')).then([received('m2', 'START'), { type: 'LeadOptedIn', data: { source: 'keyword', messageId: 'm2' } }]));
});

describe('lead decider: who may be texted', () => {
  it('sends nothing to an opted-out lead, of any kind', () => spec.given([missed, optedOut]).when(text('conversation', 'r1')).thenNothingHappens());

  it('allows one confirmation of a keyword opt-out, and no second', () => {
    spec.given([missed, optedOut]).when(text('opt-out-confirmation', 'r1')).then([
      { type: 'TextSendAttempted', data: { attemptId: 'r1#1', attempt: 1, kind: 'opt-out-confirmation', from: tenantPhone, to: caller, text: 'x' } },
    ]);
    spec
      .given([missed, optedOut, { type: 'TextSendAttempted', data: { attemptId: 'r1#1', attempt: 1, kind: 'opt-out-confirmation', from: tenantPhone, to: caller, text: 'x' } }])
      .when(text('opt-out-confirmation', 'r1'))
      .thenNothingHappens();
  });

  it('sends no opt-out confirmation to a lead that never opted out', () => spec.given([missed]).when(text('opt-out-confirmation', 'r1')).thenNothingHappens());

  it('sends one conversation text per reply', () =>
    spec
      .given([missed, received('m1'), { type: 'TextSendAttempted', data: { attemptId: 'r1#1', attempt: 1, kind: 'conversation', from: tenantPhone, to: caller, text: 'x' } }])
      .when(text('conversation', 'r1'))
      .thenNothingHappens());

  it('alerts the owner even about a lead that opted out', () =>
    spec.given([missed, optedOut]).when(text('owner-alert', 'e1', owner)).then([
      { type: 'TextSendAttempted', data: { attemptId: 'e1#1', attempt: 1, kind: 'owner-alert', from: tenantPhone, to: owner, text: 'x' } },
    ]));
});

describe('lead decider: qualification and escalation', () => {
  const qualification = (urgency: Qualification['urgency']): Qualification => ({
    urgency,
    serviceType: 'hvac',
    subCategory: 'gas-smell',
    serviceArea: { zip: '78701', city: 'Austin', inArea: true },
    intent: 'high',
    summary: 'Smells gas near the furnace',
    source: 'rules',
    model: null,
  });
  const qualify = (messageId: string, urgency: Qualification['urgency']): LeadCommand => ({
    type: 'QualifyLead',
    data: { replyMessageId: messageId, qualification: qualification(urgency), ownerPhone: owner },
  });
  const qualified = (messageId: string, urgency: Qualification['urgency']): LeadEvent => ({ type: 'LeadQualified', data: { ...qualification(urgency), replyMessageId: messageId } });
  const escalated: LeadEvent = { type: 'EmergencyEscalated', data: { ownerPhone: owner, summary: 'Smells gas near the furnace', address: 'Austin 78701', decidedBy: 'rules' } };

  it('escalates an emergency to the owner', () => spec.given([missed, received('m1')]).when(qualify('m1', 'emergency')).then([qualified('m1', 'emergency'), escalated]));

  it('does not escalate a scheduled job', () => spec.given([missed, received('m1')]).when(qualify('m1', 'scheduled')).then([qualified('m1', 'scheduled')]));

  it('escalates once per lead, however many emergency replies arrive', () =>
    spec.given([missed, received('m1'), qualified('m1', 'emergency'), escalated, received('m2')]).when(qualify('m2', 'emergency')).then([qualified('m2', 'emergency')]));

  it('qualifies a reply once, however often the qualifier is redelivered', () =>
    spec.given([missed, received('m1'), qualified('m1', 'scheduled')]).when(qualify('m1', 'scheduled')).thenNothingHappens());

  it('refuses to qualify a reply the lead never sent', () => spec.given([missed]).when(qualify('zz', 'inquiry')).thenThrows('unknown_reply'));

  it('claims the owner call once', () => {
    spec.given([missed, received('m1'), qualified('m1', 'emergency'), escalated]).when({ type: 'StartOwnerCall', data: { requestId: 'e1' } }).then([
      { type: 'OwnerAlerted', data: { channel: 'call', reference: 'e1' } },
    ]);
    spec
      .given([missed, received('m1'), qualified('m1', 'emergency'), escalated, { type: 'OwnerAlerted', data: { channel: 'call', reference: 'e1' } }])
      .when({ type: 'StartOwnerCall', data: { requestId: 'e1' } })
      .thenNothingHappens();
  });
});

describe('lead decider: hand-off', () => {
  const handOff: LeadCommand = { type: 'HandOffLead', data: { by: 'owner', note: 'I know this customer' } };

  it('records the hand-off and cancels pending follow-ups', () =>
    spec.given([missed, scheduled(1)]).when(handOff).then([
      { type: 'LeadHandedOff', data: { by: 'owner', note: 'I know this customer' } },
      { type: 'FollowUpsCancelled', data: { reason: 'handed-off', steps: [1] } },
    ]));

  it('is harmless to repeat', () => spec.given([missed, { type: 'LeadHandedOff', data: { by: 'owner', note: null } }]).when(handOff).thenNothingHappens());

  it('stops every text to the lead once the owner took over', () =>
    spec.given([missed, { type: 'LeadHandedOff', data: { by: 'owner', note: null } }]).when(text('conversation', 'r1')).thenNothingHappens());

  it('refuses a lead that does not exist', () => spec.given([]).when(handOff).thenThrows('no_such_lead'));
});

describe('lead decider: a forgotten lead', () => {
  it('texts nobody once the number reads as erased', () =>
    spec
      .given([{ ...missed, data: { ...missed.data, callerPhone: '[erased]' } }])
      .when(text('conversation', 'r1'))
      .thenNothingHappens());
});
