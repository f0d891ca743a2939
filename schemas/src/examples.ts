import type { LeadEvent, LeadEventType } from '@naxio/domain';

/**
 * One realistic instance of every lead event, typed by the domain. The codec spec encodes each one,
 * so a domain type and its Avro schema cannot drift apart unnoticed.
 */
const slot = { slotId: 'slot-1', start: '2026-12-01T15:00:00.000Z', end: '2026-12-01T17:00:00.000Z' };

export const exampleEvents: { [T in LeadEventType]: Extract<LeadEvent, { type: T }> } = {
  CallMissed: { type: 'CallMissed', data: { callSessionId: 's1', callerPhone: '+15125550101', tenantPhone: '+15125550100', reason: 'timeout', calledAt: '2026-11-28T15:00:00.000Z', repeatCall: false } },
  TextSendAttempted: { type: 'TextSendAttempted', data: { attemptId: 'e1#1', attempt: 1, kind: 'opening', from: '+15125550100', to: '+15125550101', text: 'Hi' } },
  TextSent: { type: 'TextSent', data: { attemptId: 'e1#1', kind: 'opening', messageId: 'm1', confirmedBy: 'api' } },
  TextSendFailed: { type: 'TextSendFailed', data: { attemptId: 'e1#1', kind: 'opening', code: '10007', detail: 'busy', retryable: true } },
  LeadOptedOut: { type: 'LeadOptedOut', data: { source: 'keyword', detail: 'STOP' } },
  LeadOptedIn: { type: 'LeadOptedIn', data: { source: 'keyword', messageId: 'm2' } },
  ReplyReceived: { type: 'ReplyReceived', data: { messageId: 'm2', callerPhone: '+15125550101', tenantPhone: '+15125550100', text: 'AC is out', receivedAt: '2026-11-28T15:01:00.000Z' } },
  LeadQualified: {
    type: 'LeadQualified',
    data: {
      urgency: 'emergency',
      serviceType: 'hvac',
      subCategory: 'no-cooling',
      serviceArea: { zip: '78701', city: null, inArea: true },
      intent: 'high',
      summary: 'AC out, house at 88°F',
      source: 'claude',
      model: 'claude-sonnet-4-5',
      replyMessageId: 'm2',
    },
  },
  EmergencyEscalated: { type: 'EmergencyEscalated', data: { ownerPhone: '+15125550199', summary: 'Gas smell in kitchen', address: null, decidedBy: 'rules' } },
  OwnerAlerted: { type: 'OwnerAlerted', data: { channel: 'call', reference: 'v3:cc' } },
  OwnerAlertFailed: { type: 'OwnerAlertFailed', data: { channel: 'sms', code: '40300', detail: 'blocked' } },
  FollowUpScheduled: { type: 'FollowUpScheduled', data: { step: 1, dueAt: '2026-11-28T15:30:00.000Z' } },
  FollowUpsScheduled: { type: 'FollowUpsScheduled', data: { steps: [{ step: 1, dueAt: '2026-11-28T15:30:00.000Z' }, { step: 2, dueAt: '2026-11-29T15:00:00.000Z' }] } },
  FollowUpFired: { type: 'FollowUpFired', data: { step: 1, firedAt: '2026-11-28T15:30:01.000Z' } },
  FollowUpDeferred: { type: 'FollowUpDeferred', data: { step: 2, until: '2026-11-29T14:00:00.000Z', reason: 'quiet-hours' } },
  FollowUpSkipped: { type: 'FollowUpSkipped', data: { step: 2, reason: 'overtaken' } },
  FollowUpsCancelled: { type: 'FollowUpsCancelled', data: { reason: 'replied', steps: [2, 3, 4] } },
  SlotsOffered: { type: 'SlotsOffered', data: { slots: [slot], via: 'sms' } },
  CallbackStarted: { type: 'CallbackStarted', data: { attemptId: 'cb#1', attempt: 1 } },
  CallbackEnded: { type: 'CallbackEnded', data: { attemptId: 'cb#1', outcome: 'booked', detail: 'yes to Tuesday 9am' } },
  CallDialled: { type: 'CallDialled', data: { purpose: 'callback', claimId: 'cb#1', callControlId: 'v3:abc', seenBy: 'dial-answer' } },
  CallbackBooked: { type: 'CallbackBooked', data: { bookingId: 'b1', slot, address: '12 Oak St, Austin 78701', serviceType: 'hvac', summary: 'AC out', bookedVia: 'voice' } },
  JobSynced: { type: 'JobSynced', data: { bookingId: 'b1', crm: 'jobber', customerId: 'c1', jobId: 'j1', customerReused: false } },
  JobSyncFailed: { type: 'JobSyncFailed', data: { bookingId: 'b1', crm: 'housecallpro', code: '401', detail: 'bad token' } },
  LeadHandedOff: { type: 'LeadHandedOff', data: { by: 'owner', note: null } },
};
