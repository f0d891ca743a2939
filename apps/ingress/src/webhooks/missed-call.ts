import { z } from 'zod';
import type { MissedCallReason } from '@naxio/domain';
import { e164, parseOrThrow, type TelnyxEnvelope } from './telnyx-envelope';

/** Hangup causes that mean nobody picked up (the caller gave up, the ring timed out, or we were busy). */
const UNANSWERED_CAUSES: ReadonlySet<string> = new Set(['timeout', 'no_answer', 'originator_cancel', 'user_busy']);

const hangupPayload = z.object({
  call_session_id: z.string().min(1).max(200),
  call_control_id: z.string().max(400).optional(),
  // Real call.hangup webhooks carry no direction (only call.initiated does); see voice-route.ts.
  direction: z.enum(['incoming', 'outgoing']).optional(),
  from: z.string().min(1).max(200),
  to: z.string().min(1).max(200),
  hangup_cause: z.string().min(1).max(64),
  client_state: z.string().max(4096).nullable().optional(),
  start_time: z.string().datetime({ offset: true }).nullable().optional(),
});

export type MissedCall = {
  callSessionId: string;
  callerPhone: string;
  tenantPhone: string;
  reason: MissedCallReason;
  calledAt: string;
};

export type VoiceVerdict = { kind: 'missed'; call: MissedCall } | { kind: 'ignored'; reason: string };

/**
 * Our call-control flow marks a call it sent to voicemail with client_state "voicemail" (Telnyx
 * echoes client_state, base64, on every later webhook of the call): such a call ends in
 * normal_clearing, but the contractor never spoke to the caller.
 */
function reachedVoicemail(clientState: string | null | undefined): boolean {
  if (!clientState) return false;
  return Buffer.from(clientState, 'base64').toString('utf8').trim() === 'voicemail';
}

export function classifyVoiceWebhook(envelope: TelnyxEnvelope): VoiceVerdict {
  if (envelope.data.event_type !== 'call.hangup') return { kind: 'ignored', reason: `${envelope.data.event_type} needs no action` };
  const payload = parseOrThrow(hangupPayload, envelope.data.payload, 'call.hangup payload');
  if (payload.direction === 'outgoing') return { kind: 'ignored', reason: 'outbound call' };
  const voicemail = reachedVoicemail(payload.client_state);
  if (!voicemail && !UNANSWERED_CAUSES.has(payload.hangup_cause)) return { kind: 'ignored', reason: `answered call (${payload.hangup_cause})` };
  parseOrThrow(e164, payload.to, 'call.hangup "to" number');
  if (!e164.safeParse(payload.from).success) return { kind: 'ignored', reason: 'caller id withheld: nobody to text back' };
  return {
    kind: 'missed',
    call: {
      callSessionId: payload.call_session_id,
      callerPhone: payload.from,
      tenantPhone: payload.to,
      reason: voicemail ? 'voicemail' : (payload.hangup_cause as MissedCallReason),
      calledAt: payload.start_time ?? envelope.data.occurred_at,
    },
  };
}
