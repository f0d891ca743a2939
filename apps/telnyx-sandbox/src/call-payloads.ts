// Payloads of the Call Control webhooks an incoming call produces. Field sets follow webhooks
// captured from Telnyx (call.initiated / call.answered / call.hangup of real PSTN calls), which
// differ from the SDK's types in places: call.hangup has end_time but neither `state` nor `direction`.
import { randomBytes, randomUUID } from 'node:crypto';
import type { HangupCause } from './types';

export interface CallLeg {
  callControlId: string;
  callLegId: string;
  callSessionId: string;
  connectionId: string;
  from: string;
  to: string;
  startTime: Date;
}

export function newCallLeg(from: string, to: string, connectionId: string, startTime = new Date()): CallLeg {
  return {
    // Real call control ids are "v3:" followed by 54 url-safe base64 characters.
    callControlId: `v3:${randomBytes(40).toString('base64url')}`,
    callLegId: randomUUID(),
    callSessionId: randomUUID(),
    connectionId,
    from,
    to,
    startTime,
  };
}

/** Call Control timestamps carry microseconds: 2025-07-28T16:59:58.668296Z. */
export function callTime(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

function legFields(leg: CallLeg): Record<string, unknown> {
  return {
    call_control_id: leg.callControlId,
    call_leg_id: leg.callLegId,
    call_session_id: leg.callSessionId,
    calling_party_type: 'pstn',
    client_state: null,
    connection_id: leg.connectionId,
    from: leg.from,
    start_time: callTime(leg.startTime),
    to: leg.to,
  };
}

export function callInitiatedPayload(leg: CallLeg): Record<string, unknown> {
  return {
    ...legFields(leg),
    caller_id_name: leg.from,
    connection_codecs: 'G722,PCMA,PCMU',
    direction: 'incoming',
    from_sip_uri: `${leg.from}@198.51.100.10:5060`,
    offered_codecs: 'PCMU,PCMA',
    // An incoming Call Control call waits "parked" until the app answers, rejects or transfers it.
    state: 'parked',
    to_sip_uri: `${leg.to}@192.76.120.10:5060`,
  };
}

export function callAnsweredPayload(leg: CallLeg): Record<string, unknown> {
  return { ...legFields(leg), codec: 'PCMU', sampling_rate: 8000 };
}

// hangup_source and the SIP code per cause. originator_cancel -> caller/487 and
// normal_clearing -> caller/200 are as captured; the other pairings are readings of SIP.
const HANGUP_DETAILS: Record<HangupCause, { source: 'caller' | 'callee' | 'unknown'; sip: string }> = {
  originator_cancel: { source: 'caller', sip: '487' },
  normal_clearing: { source: 'caller', sip: '200' },
  timeout: { source: 'unknown', sip: '408' },
  no_answer: { source: 'callee', sip: '480' },
  user_busy: { source: 'callee', sip: '486' },
};

export function callHangupPayload(leg: CallLeg, cause: HangupCause, endTime = new Date()): Record<string, unknown> {
  const details = HANGUP_DETAILS[cause];
  return {
    ...legFields(leg),
    call_quality_stats: null,
    end_time: callTime(endTime),
    hangup_cause: cause,
    hangup_source: details.source,
    sip_hangup_cause: details.sip,
  };
}
