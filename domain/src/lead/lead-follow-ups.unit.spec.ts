import { DeciderSpecification } from '../decider/specification';
import type { LeadCommand } from './commands';
import { leadDecider } from './decide';
import type { FollowUpStep, LeadEvent } from './events';

const spec = DeciderSpecification.for(leadDecider);
const caller = '+13055550101';
const tenantPhone = '+13055550000';
const t = (iso: string) => `2026-11-${iso}Z`;

const opened: LeadEvent[] = [
  { type: 'CallMissed', data: { callSessionId: 'c1', callerPhone: caller, tenantPhone, reason: 'timeout', calledAt: t('28T15:00:00.000'), repeatCall: false } },
  { type: 'TextSendAttempted', data: { attemptId: 'o#1', attempt: 1, kind: 'opening', from: tenantPhone, to: caller, text: 'Hi' } },
  { type: 'TextSent', data: { attemptId: 'o#1', kind: 'opening', messageId: 'm1', confirmedBy: 'api' } },
];
const sequence: Array<{ step: FollowUpStep; dueAt: string }> = [
  { step: 1, dueAt: t('28T15:30:00.000') },
  { step: 2, dueAt: t('29T15:00:00.000') },
  { step: 3, dueAt: '2026-12-01T15:00:00.000Z' },
  { step: 4, dueAt: '2026-12-05T15:00:00.000Z' },
];
const history: LeadEvent[] = [...opened, { type: 'FollowUpsScheduled', data: { steps: sequence } }];
/** The same sequence as streams recorded it before FollowUpsScheduled: one event per step. */
const historyStepByStep: LeadEvent[] = [...opened, ...sequence.map((data): LeadEvent => ({ type: 'FollowUpScheduled', data }))];
const fire = (step: FollowUpStep, now: string, allowedFrom = now): LeadCommand => ({ type: 'FireFollowUp', data: { step, now, allowedFrom, text: `step ${step}` } });
const fired = (step: FollowUpStep, at: string): LeadEvent[] => [
  { type: 'FollowUpFired', data: { step, firedAt: at } },
  { type: 'TextSendAttempted', data: { attemptId: `follow-up-${step}#1`, attempt: 1, kind: 'follow-up', from: tenantPhone, to: caller, text: `step ${step}` } },
];

describe('lead decider: follow-ups', () => {
  it('fires a due step and claims its text in the same append', () =>
    spec.given(history).when(fire(1, t('28T15:30:01.000'))).then(fired(1, t('28T15:30:01.000'))));

  it('reads a sequence recorded step by step as it reads one recorded whole', () => {
    spec.given(historyStepByStep).when(fire(1, t('28T15:30:01.000'))).then(fired(1, t('28T15:30:01.000')));
    spec.given(historyStepByStep).when(fire(2, t('28T15:31:00.000'))).thenNothingHappens();
  });

  it('does nothing before the step is due', () => spec.given(history).when(fire(1, t('28T15:29:00.000'))).thenNothingHappens());

  it('fires a step once, however many schedulers try', () =>
    spec.given([...history, ...fired(1, t('28T15:30:01.000'))]).when(fire(1, t('28T15:30:02.000'))).thenNothingHappens());

  it('waits for the recipient’s quiet hours to end', () =>
    spec.given(history).when(fire(1, t('28T15:30:01.000'), t('29T13:00:00.000'))).then([
      { type: 'FollowUpDeferred', data: { step: 1, until: t('29T13:00:00.000'), reason: 'quiet-hours' } },
    ]));

  it('after a three-day outage, skips the overtaken steps and sends only the newest due one', () => {
    const afterOutage = '2026-12-01T16:00:00.000Z';
    spec.given(history).when(fire(1, afterOutage)).then([{ type: 'FollowUpSkipped', data: { step: 1, reason: 'overtaken' } }]);
    spec.given(history).when(fire(2, afterOutage)).then([{ type: 'FollowUpSkipped', data: { step: 2, reason: 'overtaken' } }]);
    spec.given(history).when(fire(3, afterOutage)).then(fired(3, afterOutage));
  });

  it('keeps a late step from landing right after the previous one', () =>
    // Step 2 went out nearly two days late, five hours before step 3 was due; steps 2 and 3 are
    // planned two days apart, so step 3 waits until a day after step 2.
    spec
      .given([...history, ...fired(2, '2026-12-01T10:00:00.000Z')])
      .when(fire(3, '2026-12-01T15:00:00.000Z'))
      .then([{ type: 'FollowUpDeferred', data: { step: 3, until: '2026-12-02T10:00:00.000Z', reason: 'spacing' } }]));

  it('stops for good when the lead replied', () =>
    spec
      .given([...history, { type: 'ReplyReceived', data: { messageId: 'r1', callerPhone: caller, tenantPhone, text: 'yes', receivedAt: t('28T15:10:00.000') } }])
      .when(fire(1, t('28T15:30:01.000')))
      .thenNothingHappens());

  it('is not scheduled when the lead answered before the opening text was confirmed', () =>
    spec
      .given([
        ...history.slice(0, 2),
        { type: 'ReplyReceived', data: { messageId: 'r1', callerPhone: caller, tenantPhone, text: 'hi', receivedAt: t('28T15:00:02.000') } },
      ])
      .when({ type: 'ConfirmTextSent', data: { attemptId: 'o#1', messageId: 'm1', confirmedBy: 'receipt', at: t('28T15:00:03.000') } })
      .then([{ type: 'TextSent', data: { attemptId: 'o#1', kind: 'opening', messageId: 'm1', confirmedBy: 'receipt' } }]));
});
