// waitForMessages: resolve once enough sends have arrived, or fail with what did arrive.
import type { SandboxState } from './sandbox-state';
import type { SentMessage } from './types';

/** Resolves with the first `count` messages (to `opts.to`, if given), oldest first. */
export function waitForMessages(
  state: SandboxState,
  count: number,
  opts: { to?: string; timeoutMs?: number } | undefined,
  closing: AbortSignal,
): Promise<SentMessage[]> {
  const to = opts?.to;
  const timeoutMs = opts?.timeoutMs ?? 5000;
  const enough = () => {
    const matching = state.sentMessages(to);
    return matching.length >= count ? matching.slice(0, count) : undefined;
  };
  const already = enough();
  if (already) return Promise.resolve(already);
  if (closing.aborted) return Promise.reject(new Error('waitForMessages: the sandbox is closed'));

  return new Promise((resolve, reject) => {
    const finish = (outcome: () => void) => {
      clearTimeout(timer);
      stopListening();
      closing.removeEventListener('abort', onClose);
      outcome();
    };
    const stopListening = state.onSent(() => {
      const found = enough();
      if (found) finish(() => resolve(found));
    });
    const onClose = () => finish(() => reject(new Error('waitForMessages: the sandbox was closed')));
    closing.addEventListener('abort', onClose, { once: true });
    const timer = setTimeout(() => {
      const got = state.sentMessages(to);
      const seen = got.map((message) => `${message.to}: ${JSON.stringify(message.text)}`).join('; ') || 'none';
      const target = to === undefined ? '' : ` to ${to}`;
      finish(() =>
        reject(new Error(`waitForMessages: expected ${count} message(s)${target} within ${timeoutMs} ms, got ${got.length} (${seen})`)),
      );
    }, timeoutMs);
  });
}
