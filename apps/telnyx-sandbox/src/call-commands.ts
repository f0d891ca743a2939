// Call Control commands on an outbound call the sandbox placed: refused like Telnyx when the call
// is still ringing (90034) or over (90018); otherwise accepted, and their webhooks follow.
import { randomUUID } from 'node:crypto';
import { isHangUp, type GatherAnswer, type OutboundCall } from './outbound-call';
import {
  aiGatherEndedPayload,
  gatherEndedPayload,
  speakEndedPayload,
  speakStartedPayload,
  type AiGatherOutcome,
} from './outbound-call-payloads';
import { telnyxErrors, type TelnyxErrorResponse } from './telnyx-errors';

export interface CommandAnswer {
  status: number;
  body: unknown;
}

const fromError = (error: TelnyxErrorResponse): CommandAnswer => ({ status: error.status, body: error.body });

// Fields the SDK marks as required for the commands the callee reacts to.
const REQUIRED_FIELDS: Record<string, readonly string[]> = {
  speak: ['payload', 'voice'],
  gather_using_speak: ['payload', 'voice'],
  gather_using_ai: ['parameters'],
};

export function commandOnCall(call: OutboundCall, action: string, body: Record<string, unknown>): CommandAnswer {
  const missing = (REQUIRED_FIELDS[action] ?? []).find((field) => body[field] === undefined || body[field] === '');
  if (missing) return fromError(telnyxErrors.missingParameter(`/${missing}`));
  if (call.status === 'ended') return fromError(telnyxErrors.callAlreadyEnded());
  // Hanging up a call that still rings cancels it; every other command needs an answered call.
  if (call.status === 'ringing' && action !== 'hangup') return fromError(telnyxErrors.callNotAnsweredYet(action));

  call.adoptClientState(body.client_state);
  const ok: CommandAnswer = { status: 200, body: { data: { result: 'ok' } } };
  switch (action) {
    case 'hangup':
      // Ended now, so a command racing this one is refused; call.hangup is queued behind earlier webhooks.
      call.end(call.status === 'answered' ? 'normal_clearing' : 'originator_cancel', 'caller');
      return ok;
    case 'speak':
      call.noteSpoken(String(body.payload));
      speak(call);
      return ok;
    case 'gather_using_speak':
      call.noteSpoken(String(body.payload));
      gatherDigits(call, call.nextGatherAnswer());
      return ok;
    case 'gather_using_ai': {
      const greeting = typeof body.greeting === 'string' && body.greeting !== '' ? body.greeting : undefined;
      if (greeting !== undefined) call.noteSpoken(greeting);
      gatherWithAi(call, call.nextGatherAnswer(), greeting);
      return { status: 200, body: { data: { conversation_id: randomUUID(), result: 'ok' } } };
    }
    default:
      // Other commands (answer, transfer, record…) are accepted and recorded; the callee ignores them.
      return ok;
  }
}

function speak(call: OutboundCall): void {
  call.emit('call.speak.started', speakStartedPayload(call.leg, call.clientState));
  call.emit('call.speak.ended', speakEndedPayload(call.leg, call.clientState));
}

function gatherDigits(call: OutboundCall, answer: GatherAnswer | undefined): void {
  if (answer && isHangUp(answer)) {
    call.end('normal_clearing', 'callee');
    return;
  }
  const digits = typeof answer?.digits === 'string' ? answer.digits : '';
  call.emit('call.gather.ended', gatherEndedPayload(call.leg, call.clientState, digits));
}

function gatherWithAi(call: OutboundCall, answer: GatherAnswer | undefined, greeting: string | undefined): void {
  if (answer && isHangUp(answer)) {
    call.end('normal_clearing', 'callee');
    return;
  }
  const messageHistory: AiGatherOutcome['messageHistory'] = greeting === undefined ? [] : [{ role: 'assistant', content: greeting }];
  // With nothing scripted the callee says nothing usable: the gather ends invalid, with no parameters.
  const outcome: AiGatherOutcome = answer
    ? { result: { ...answer }, messageHistory: [...messageHistory, { role: 'user', content: describe(answer) }], status: 'valid' }
    : { result: {}, messageHistory, status: 'invalid' };
  call.emit('call.ai_gather.ended', aiGatherEndedPayload(call.leg, call.clientState, outcome));
}

/** The callee's words, as the transcript would hold them: the values they gave. */
function describe(answer: Record<string, unknown>): string {
  return Object.entries(answer)
    .map(([name, value]) => `${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}
