import { fold } from '../decider/decider';
import { DeciderSpecification } from '../decider/specification';
import type { LeadCommand } from './commands';
import { leadDecider, undialledClaim } from './decide';
import type { LeadEvent } from './events';

const spec = DeciderSpecification.for(leadDecider);
const missed: LeadEvent = {
  type: 'CallMissed',
  data: { callSessionId: 'c1', callerPhone: '+15125550101', tenantPhone: '+15125550000', reason: 'timeout', calledAt: '2026-11-28T15:00:00.000Z', repeatCall: false },
};
const callbackClaimed: LeadEvent = { type: 'CallbackStarted', data: { attemptId: 'q1#1', attempt: 1 } };
const ownerCallClaimed: LeadEvent = { type: 'OwnerAlerted', data: { channel: 'call', reference: 'esc1' } };
const dialled = (purpose: 'callback' | 'owner-alert', claimId: string, seenBy: 'dial-answer' | 'call-webhook' = 'dial-answer'): LeadCommand => ({
  type: 'RecordCallDialled',
  data: { purpose, claimId, callControlId: 'v3:call', seenBy },
});
const claimsOf = (events: LeadEvent[]) => fold(leadDecider, events);

describe('lead decider: a claimed call is dialled once', () => {
  it('records that Telnyx took a claimed call, for Jordan’s call and the owner’s alike', () => {
    spec.given([missed, callbackClaimed]).when(dialled('callback', 'q1#1')).then([{ type: 'CallDialled', data: dialled('callback', 'q1#1').data as never }]);
    spec.given([missed, ownerCallClaimed]).when(dialled('owner-alert', 'esc1')).then([{ type: 'CallDialled', data: dialled('owner-alert', 'esc1').data as never }]);
  });

  it('keeps the first word when the dial’s answer and the call’s first webhook both tell', () => {
    const first: LeadEvent = { type: 'CallDialled', data: dialled('callback', 'q1#1').data as never };
    spec.given([missed, callbackClaimed, first]).when(dialled('callback', 'q1#1', 'call-webhook')).thenNothingHappens();
  });

  it('refuses a dial nobody claimed', () =>
    spec.given([missed, callbackClaimed]).when(dialled('owner-alert', 'q1#1')).thenThrows('unknown_call'));

  it('reads a claim with no dial and no end as undialled, and nothing else', () => {
    expect(undialledClaim(claimsOf([missed, callbackClaimed]), 'callback', 'q1#1')).toMatchObject({ status: 'claimed' });
    expect(undialledClaim(claimsOf([missed, callbackClaimed]), 'callback', 'q2#1')).toBeUndefined();
    expect(undialledClaim(claimsOf([missed, callbackClaimed, { type: 'CallDialled', data: dialled('callback', 'q1#1').data as never }]), 'callback', 'q1#1')).toBeUndefined();
    // A dial Telnyx refused ends the claim: it is not tried again.
    const failed: LeadEvent = { type: 'CallbackEnded', data: { attemptId: 'q1#1', outcome: 'failed', detail: 'refused' } };
    expect(undialledClaim(claimsOf([missed, callbackClaimed, failed]), 'callback', 'q1#1')).toBeUndefined();
    expect(undialledClaim(claimsOf([missed, ownerCallClaimed]), 'owner-alert', 'esc1')).toMatchObject({ status: 'claimed' });
    const ownerFailed: LeadEvent = { type: 'OwnerAlertFailed', data: { channel: 'call', code: 'dial_failed', detail: 'refused' } };
    expect(undialledClaim(claimsOf([missed, ownerCallClaimed, ownerFailed]), 'owner-alert', 'esc1')).toBeUndefined();
    // The owner's text is no call: it claims nothing to dial.
    expect(claimsOf([missed, { type: 'OwnerAlerted', data: { channel: 'sms', reference: 'esc1' } }]).claimedCalls).toEqual([]);
  });
});
