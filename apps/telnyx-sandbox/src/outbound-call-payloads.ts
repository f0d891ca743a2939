// Payloads of the Call Control webhooks of an outbound call (POST /v2/calls). call.initiated,
// call.answered and call.hangup follow an outbound call captured in Telnyx's Voice API quickstart
// (direction "outgoing", state "bridging"; the hangup carries end_time and hangup_source); the
// others follow the webhook types of the telnyx SDK (7.24) and Telnyx's published samples.
import { callTime, type CallLeg } from './call-payloads';
import type { HangupCause } from './types';

export type HangupSource = 'caller' | 'callee' | 'unknown';

/** Fields every webhook of the call carries; client_state is whatever the call holds right now. */
function commandFields(leg: CallLeg, clientState: string | null): Record<string, unknown> {
  return {
    call_control_id: leg.callControlId,
    call_leg_id: leg.callLegId,
    call_session_id: leg.callSessionId,
    client_state: clientState,
    connection_id: leg.connectionId,
  };
}

function partyFields(leg: CallLeg, clientState: string | null): Record<string, unknown> {
  return { ...commandFields(leg, clientState), from: leg.from, to: leg.to };
}

export function outboundInitiatedPayload(leg: CallLeg, clientState: string | null): Record<string, unknown> {
  return {
    ...partyFields(leg, clientState),
    direction: 'outgoing',
    start_time: callTime(leg.startTime),
    // An outgoing leg is "bridging" until the far end answers (an incoming one is "parked").
    state: 'bridging',
  };
}

export function outboundAnsweredPayload(leg: CallLeg, clientState: string | null): Record<string, unknown> {
  return { ...partyFields(leg, clientState), start_time: callTime(leg.startTime) };
}

/** call.machine.detection.ended (standard) or call.machine.premium.detection.ended. */
export function machineDetectionPayload(leg: CallLeg, clientState: string | null, result: string): Record<string, unknown> {
  return { ...partyFields(leg, clientState), result };
}

export function speakStartedPayload(leg: CallLeg, clientState: string | null): Record<string, unknown> {
  return commandFields(leg, clientState);
}

export function speakEndedPayload(leg: CallLeg, clientState: string | null): Record<string, unknown> {
  return { ...commandFields(leg, clientState), status: 'completed' };
}

/** call.gather.ended of gather_using_speak: status valid when digits came, timeout when none did. */
export function gatherEndedPayload(leg: CallLeg, clientState: string | null, digits: string): Record<string, unknown> {
  return { ...partyFields(leg, clientState), digits, status: digits === '' ? 'timeout' : 'valid' };
}

export interface AiGatherOutcome {
  result: Record<string, unknown>;
  messageHistory: Array<{ role: 'assistant' | 'user'; content: string }>;
  /** The SDK types allow only valid | invalid. */
  status: 'valid' | 'invalid';
}

export function aiGatherEndedPayload(leg: CallLeg, clientState: string | null, outcome: AiGatherOutcome): Record<string, unknown> {
  return {
    ...partyFields(leg, clientState),
    message_history: outcome.messageHistory,
    result: outcome.result,
    status: outcome.status,
  };
}

// SIP codes: 200 for a cleared call and 487 for a cancelled one are as captured; 408 and 486 are
// the SIP meanings of a timeout and a busy line.
const SIP_CODES: Record<HangupCause, string> = {
  normal_clearing: '200',
  originator_cancel: '487',
  timeout: '408',
  user_busy: '486',
  no_answer: '480',
};

export function outboundHangupPayload(
  leg: CallLeg,
  clientState: string | null,
  hangup: { cause: HangupCause; source: HangupSource; endTime: Date },
): Record<string, unknown> {
  return {
    ...partyFields(leg, clientState),
    call_quality_stats: null,
    end_time: callTime(hangup.endTime),
    hangup_cause: hangup.cause,
    hangup_source: hangup.source,
    sip_hangup_cause: SIP_CODES[hangup.cause],
    start_time: callTime(leg.startTime),
  };
}
