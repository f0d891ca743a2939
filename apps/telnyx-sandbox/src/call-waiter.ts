// waitForCall: resolve once a dialled call is in the state a spec waits for, or fail saying
// what the calls looked like.
import type { CalleeNetwork } from './callee-network';
import type { DialedCall } from './types';
import { waitUntil } from './wait-until';

export function waitForCall(
  network: CalleeNetwork,
  predicate: (call: DialedCall) => boolean,
  timeoutMs: number | undefined,
  closing: AbortSignal,
): Promise<DialedCall> {
  const limitMs = timeoutMs ?? 5000;
  return waitUntil(
    {
      name: 'waitForCall',
      probe: () => network.calls().find(predicate),
      onChange: (listener) => network.onChange(listener),
      timeoutMs: limitMs,
      timedOut: () => `no call matched within ${limitMs} ms (${network.calls().map((call) => `${call.to}: ${call.status}`).join('; ') || 'no calls'})`,
    },
    closing,
  );
}
