import type { Decider } from '../decider/decider';
import type { LeadCommand, RecordMissedCall } from './commands';
import { handOff, qualifyLead, recordOwnerAlertFailure, recordReply, startOwnerCall } from './decide-replies';
import { bookSlot, offerSlots, recordCallbackEnded, recordJobSynced, recordJobSyncFailed, startCallback } from './decide-callbacks';
import { recordCallDialled } from './decide-calls';
import { fireFollowUp } from './decide-follow-ups';
import { confirmTextSent, recordOptOut, recordTextFailure, startText } from './decide-texts';
import type { LeadEvent } from './events';
import { type LeadState, evolveLead, initialLeadState } from './state';

export { MAX_TEXT_ATTEMPTS, unsettledAttempt } from './decide-texts';
export { FOLLOW_UP_OFFSET_MINUTES, FOLLOW_UP_STEPS } from './decide-follow-ups';
export { callbackAttemptId, mayCallBack } from './decide-callbacks';
export { undialledClaim } from './decide-calls';

function recordMissedCall(command: RecordMissedCall, state: LeadState): LeadEvent[] {
  // Telnyx can tell us about one call twice (hangup plus voicemail, or a retried webhook).
  if (state.callSessions.includes(command.data.callSessionId)) return [];
  return [{ type: 'CallMissed', data: { ...command.data, repeatCall: state.status === 'open' } }];
}

export function decideLead(command: LeadCommand, state: LeadState): LeadEvent[] {
  switch (command.type) {
    case 'RecordMissedCall':
      return recordMissedCall(command, state);
    case 'StartText':
      return startText(command, state);
    case 'ConfirmTextSent':
      return confirmTextSent(command, state);
    case 'RecordTextFailure':
      return recordTextFailure(command, state);
    case 'RecordOptOut':
      return recordOptOut(command, state);
    case 'RecordReply':
      return recordReply(command, state);
    case 'QualifyLead':
      return qualifyLead(command, state);
    case 'StartOwnerCall':
      return startOwnerCall(command, state);
    case 'RecordOwnerAlertFailure':
      return recordOwnerAlertFailure(command, state);
    case 'HandOffLead':
      return handOff(command, state);
    case 'FireFollowUp':
      return fireFollowUp(command, state);
    case 'StartCallback':
      return startCallback(command, state);
    case 'RecordCallbackEnded':
      return recordCallbackEnded(command, state);
    case 'RecordCallDialled':
      return recordCallDialled(command, state);
    case 'OfferSlots':
      return offerSlots(command, state);
    case 'BookSlot':
      return bookSlot(command, state);
    case 'RecordJobSynced':
      return recordJobSynced(command, state);
    case 'RecordJobSyncFailed':
      return recordJobSyncFailed(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export const leadDecider: Decider<LeadCommand, LeadEvent, LeadState> = {
  decide: decideLead,
  evolve: evolveLead,
  initialState: initialLeadState,
};
