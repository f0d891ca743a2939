import { DomainRuleViolated } from '../decider/decider';
import { keywordOf } from '../texts/keywords';
import type { HandOffLead, QualifyLead, RecordOwnerAlertFailure, RecordReply, StartOwnerCall } from './commands';
import type { FollowUpStopReason, LeadEvent } from './events';
import type { LeadState } from './state';

export function cancelFollowUps(state: LeadState, reason: FollowUpStopReason): LeadEvent[] {
  const steps = state.followUps.filter((f) => f.status === 'scheduled').map((f) => f.step);
  return steps.length > 0 ? [{ type: 'FollowUpsCancelled', data: { reason, steps } }] : [];
}

export function recordReply(command: RecordReply, state: LeadState): LeadEvent[] {
  // Telnyx retries a webhook it thinks we missed: one message, one event.
  if (state.replies.includes(command.data.messageId)) return [];
  const received: LeadEvent = { type: 'ReplyReceived', data: command.data };
  const keyword = keywordOf(command.data.text);
  if (keyword === 'opt-out') {
    if (state.optedOut) return [received];
    return [received, { type: 'LeadOptedOut', data: { source: 'keyword', detail: command.data.text.trim() } }, ...cancelFollowUps(state, 'opted-out')];
  }
  if (keyword === 'opt-in') {
    return state.optedOut ? [received, { type: 'LeadOptedIn', data: { source: 'keyword', messageId: command.data.messageId } }] : [received];
  }
  // Any other answer (HELP included) stops the follow-up sequence: a person is talking to us now.
  return [received, ...cancelFollowUps(state, 'replied')];
}

export function qualifyLead(command: QualifyLead, state: LeadState): LeadEvent[] {
  const { replyMessageId, qualification, ownerPhone } = command.data;
  if (!state.replies.includes(replyMessageId)) throw new DomainRuleViolated('unknown_reply', `no reply ${replyMessageId} on this lead`);
  if (state.qualifiedReplies.includes(replyMessageId)) return [];
  const qualified: LeadEvent = { type: 'LeadQualified', data: { ...qualification, replyMessageId } };
  // One escalation per lead, however many emergency replies arrive.
  if (qualification.urgency !== 'emergency' || state.escalated) return [qualified];
  const { zip, city } = qualification.serviceArea;
  const address = [city, zip].filter(Boolean).join(' ') || null;
  return [qualified, { type: 'EmergencyEscalated', data: { ownerPhone, summary: qualification.summary, address, decidedBy: qualification.source } }];
}

export function startOwnerCall(command: StartOwnerCall, state: LeadState): LeadEvent[] {
  if (!state.escalated || state.ownerAlerts.includes('call')) return [];
  return [{ type: 'OwnerAlerted', data: { channel: 'call', reference: command.data.requestId } }];
}

export function recordOwnerAlertFailure(command: RecordOwnerAlertFailure, _state: LeadState): LeadEvent[] {
  return [{ type: 'OwnerAlertFailed', data: command.data }];
}

export function handOff(command: HandOffLead, state: LeadState): LeadEvent[] {
  if (state.status === 'none') throw new DomainRuleViolated('no_such_lead', 'there is no lead to hand off');
  if (state.handedOff) return [];
  return [{ type: 'LeadHandedOff', data: command.data }, ...cancelFollowUps(state, 'handed-off')];
}
