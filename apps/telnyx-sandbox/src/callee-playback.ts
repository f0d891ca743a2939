// The far end of an outbound call: it rings, then answers (a person or a voicemail box), is
// busy, or never picks up; a callee who answered may hang up on their own later.
import { DEFAULT_RING_MS } from './callee-script';
import { pause } from './http-io';
import type { OutboundCall } from './outbound-call';
import { machineDetectionPayload, outboundAnsweredPayload, outboundInitiatedPayload } from './outbound-call-payloads';

/** Plays the callee's script; returns once the script has nothing more to do on its own. */
export async function playCallee(call: OutboundCall, closing: AbortSignal): Promise<void> {
  const { script, leg } = call;
  call.emit('call.initiated', outboundInitiatedPayload(leg, call.clientState), leg.startTime);
  await pause(script.ringMs ?? DEFAULT_RING_MS, closing);
  // The caller may have hung up (originator_cancel) while it rang.
  if (closing.aborted || call.status !== 'ringing') return;

  switch (script.answer) {
    case 'busy':
      call.end('user_busy', 'callee');
      return;
    case 'no-answer':
      call.end('timeout', 'unknown');
      return;
    case 'human':
    case 'voicemail':
      answer(call, script.answer === 'voicemail');
      break;
    default: {
      const _exhaustive: never = script.answer;
      throw new Error(`unknown callee answer ${String(_exhaustive)}`);
    }
  }

  if (script.hangUpAfterMs === undefined) return;
  await pause(script.hangUpAfterMs, closing);
  if (!closing.aborted && call.isAnswered()) call.end('normal_clearing', 'callee');
}

function answer(call: OutboundCall, isMachine: boolean): void {
  call.markAnswered();
  call.emit('call.answered', outboundAnsweredPayload(call.leg, call.clientState));
  // Detection results arrive only when the dial asked for answering machine detection.
  switch (call.request.machineDetection) {
    case null:
      return;
    case 'standard':
      call.emit('call.machine.detection.ended', machineDetectionPayload(call.leg, call.clientState, isMachine ? 'machine' : 'human'));
      return;
    case 'premium':
      call.emit(
        'call.machine.premium.detection.ended',
        machineDetectionPayload(call.leg, call.clientState, isMachine ? 'machine' : 'human_residence'),
      );
      return;
    default: {
      const _exhaustive: never = call.request.machineDetection;
      throw new Error(`unknown machine detection ${String(_exhaustive)}`);
    }
  }
}
