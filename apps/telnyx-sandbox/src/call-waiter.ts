// waitForCall: resolve once a dialled call is in the state a spec waits for, or fail saying
// what the calls looked like.
import type { CalleeNetwork } from './callee-network';
import type { DialedCall } from './types';

export function waitForCall(
  network: CalleeNetwork,
  predicate: (call: DialedCall) => boolean,
  timeoutMs: number | undefined,
  closing: AbortSignal,
): Promise<DialedCall> {
  const limitMs = timeoutMs ?? 5000;
  const find = () => network.calls().find(predicate);
  const already = find();
  if (already) return Promise.resolve(already);
  if (closing.aborted) return Promise.reject(new Error('waitForCall: the sandbox is closed'));

  return new Promise((resolve, reject) => {
    const finish = (outcome: () => void) => {
      clearTimeout(timer);
      stopListening();
      closing.removeEventListener('abort', onClose);
      outcome();
    };
    const stopListening = network.onChange(() => {
      let found: DialedCall | undefined;
      try {
        found = find();
      } catch (error) {
        finish(() => reject(error));
        return;
      }
      if (found) finish(() => resolve(found));
    });
    const onClose = () => finish(() => reject(new Error('waitForCall: the sandbox was closed')));
    closing.addEventListener('abort', onClose, { once: true });
    const timer = setTimeout(() => {
      const seen = network.calls().map((call) => `${call.to}: ${call.status}`).join('; ') || 'no calls';
      finish(() => reject(new Error(`waitForCall: no call matched within ${limitMs} ms (${seen})`)));
    }, limitMs);
  });
}
