import { DeciderSpecification } from '../decider/specification';
import { fold } from '../decider/decider';
import type { LeadCommand, StartText } from './commands';
import { leadDecider, MAX_TEXT_ATTEMPTS, unsettledAttempt } from './decide';
import type { CallMissed, LeadEvent, TextSendAttempted } from './events';

const spec = DeciderSpecification.for(leadDecider);
const caller = '+15125550101';
const tenantPhone = '+15125550000';

const recordCall = (callSessionId: string): LeadCommand => ({
  type: 'RecordMissedCall',
  data: { callSessionId, callerPhone: caller, tenantPhone, reason: 'timeout', calledAt: '2026-11-28T15:00:00.000Z' },
});
const missed = (callSessionId: string, repeatCall = false): CallMissed => ({
  type: 'CallMissed',
  data: { callSessionId, callerPhone: caller, tenantPhone, reason: 'timeout', calledAt: '2026-11-28T15:00:00.000Z', repeatCall },
});
const startText = (requestId: string): LeadCommand => ({ type: 'StartText', data: { kind: 'opening', requestId, text: 'Hi' } });
const attempted = (attemptId: string, attempt = 1): TextSendAttempted => ({
  type: 'TextSendAttempted',
  data: { attemptId, attempt, kind: 'opening', from: tenantPhone, to: caller, text: 'Hi' },
});
const failed = (attemptId: string, retryable: boolean): LeadEvent => ({
  type: 'TextSendFailed',
  data: { attemptId, kind: 'opening', code: 'x', detail: 'x', retryable },
});

describe('lead decider: missed calls', () => {
  it('opens a lead on the first missed call', () =>
    spec.given([]).when(recordCall('c1')).then([missed('c1')]));

  it('folds a second call from the same caller into the open lead', () =>
    spec.given([missed('c1')]).when(recordCall('c2')).then([missed('c2', true)]));

  it('records one call once, however often it is reported', () =>
    spec.given([missed('c1')]).when(recordCall('c1')).thenNothingHappens());
});

describe('lead decider: the opening text', () => {
  it('is attempted for an open lead', () =>
    spec.given([missed('c1')]).when(startText('r')).then([attempted('r#1')]));

  it('is never attempted twice, even after three calls in two minutes', () =>
    spec.given([missed('c1'), attempted('a1'), missed('c2', true), missed('c3', true)]).when(startText('a2')).thenNothingHappens());

  it('is not attempted again while an attempt may still be in flight', () =>
    spec.given([missed('c1'), attempted('a1')]).when(startText('a2')).thenNothingHappens());

  it('is retried after a failure the vendor reported as transient', () =>
    spec.given([missed('c1'), attempted('r#1'), failed('r#1', true)]).when(startText('r')).then([attempted('r#2', 2)]));

  it('is not retried after a permanent failure', () =>
    spec.given([missed('c1'), attempted('a1'), failed('a1', false)]).when(startText('a2')).thenNothingHappens());

  it(`gives up after ${MAX_TEXT_ATTEMPTS} transient failures`, () => {
    const history: LeadEvent[] = [missed('c1')];
    for (let i = 1; i <= MAX_TEXT_ATTEMPTS; i++) history.push(attempted(`a${i}`, i), failed(`a${i}`, true));
    spec.given(history).when(startText('a9')).thenNothingHappens();
  });

  it('is not sent without a missed call', () => spec.given([]).when(startText('a1')).thenNothingHappens());

  it('is confirmed once, whether the API or the delivery receipt says so first', () => {
    const confirm = (confirmedBy: 'api' | 'receipt'): LeadCommand => ({
      type: 'ConfirmTextSent',
      data: { attemptId: 'a1', messageId: 'm1', confirmedBy, at: '2026-11-28T15:00:05.000Z' },
    });
    spec.given([missed('c1'), attempted('a1')]).when(confirm('receipt')).then([
      { type: 'TextSent', data: { attemptId: 'a1', kind: 'opening', messageId: 'm1', confirmedBy: 'receipt' } },
      // The follow-up sequence starts from the opening text: 30 minutes, 24 hours, 3 and 7 days.
      {
        type: 'FollowUpsScheduled',
        data: {
          steps: [
            { step: 1, dueAt: '2026-11-28T15:30:05.000Z' },
            { step: 2, dueAt: '2026-11-29T15:00:05.000Z' },
            { step: 3, dueAt: '2026-12-01T15:00:05.000Z' },
            { step: 4, dueAt: '2026-12-05T15:00:05.000Z' },
          ],
        },
      },
    ]);
    spec
      .given([missed('c1'), attempted('a1'), { type: 'TextSent', data: { attemptId: 'a1', kind: 'opening', messageId: 'm1', confirmedBy: 'receipt' } }])
      .when(confirm('api'))
      .thenNothingHappens();
  });

  it('refuses to confirm an attempt that never happened', () =>
    spec.given([missed('c1')]).when({ type: 'ConfirmTextSent', data: { attemptId: 'zz', messageId: 'm', confirmedBy: 'api', at: '2026-11-28T15:00:05.000Z' } }).thenThrows('unknown_attempt'));
});

describe('lead decider: carrier opt-out', () => {
  const optOut: LeadCommand = { type: 'RecordOptOut', data: { source: 'carrier-block', detail: 'blocked', attemptId: 'a1' } };

  it('settles the attempt and opts the lead out', () =>
    spec.given([missed('c1'), attempted('a1')]).when(optOut).then([
      { type: 'TextSendFailed', data: { attemptId: 'a1', kind: 'opening', code: 'opted_out', detail: 'blocked', retryable: false } },
      { type: 'LeadOptedOut', data: { source: 'carrier-block', detail: 'blocked' } },
    ]));

  it('sends nothing more to an opted-out lead, even when they call again', () =>
    spec
      .given([missed('c1'), { type: 'LeadOptedOut', data: { source: 'carrier-block', detail: 'blocked' } }, missed('c2', true)])
      .when(startText('a2'))
      .thenNothingHappens());
});


describe('lead decider: a claim left without an outcome', () => {
  const stateOf = (events: LeadEvent[]) => fold(leadDecider, events);
  const claim = startText('c1') as StartText;
  const sent: LeadEvent = { type: 'TextSent', data: { attemptId: 'c1#1', messageId: 'm1', confirmedBy: 'api', kind: 'opening' } };
  const optedOut: LeadEvent = { type: 'LeadOptedOut', data: { source: 'keyword', detail: 'STOP' } };

  it('is named for re-sending while nothing settled it', () => expect(unsettledAttempt(claim, stateOf([missed('c1'), attempted('c1#1')]))).toBe('c1#1'));
  it('is not once it was sent or failed', () => {
    expect(unsettledAttempt(claim, stateOf([missed('c1'), attempted('c1#1'), sent]))).toBeUndefined();
    expect(unsettledAttempt(claim, stateOf([missed('c1'), attempted('c1#1'), failed('c1#1', false)]))).toBeUndefined();
  });
  it('is not re-sent to a lead who opted out since', () => expect(unsettledAttempt(claim, stateOf([missed('c1'), attempted('c1#1'), optedOut]))).toBeUndefined());
});
