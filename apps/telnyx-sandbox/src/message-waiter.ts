// waitForMessages: resolve once enough sends have arrived, or fail with what did arrive.
import type { SandboxState } from './sandbox-state';
import type { SentMessage } from './types';
import { waitUntil } from './wait-until';

/** Resolves with the first `count` messages (to `opts.to`, if given), oldest first. */
export function waitForMessages(
  state: SandboxState,
  count: number,
  opts: { to?: string; timeoutMs?: number } | undefined,
  closing: AbortSignal,
): Promise<SentMessage[]> {
  const to = opts?.to;
  const timeoutMs = opts?.timeoutMs ?? 5000;
  const timedOut = () => {
    const got = state.sentMessages(to);
    const seen = got.map((message) => `${message.to}: ${JSON.stringify(message.text)}`).join('; ') || 'none';
    return `expected ${count} message(s)${to === undefined ? '' : ` to ${to}`} within ${timeoutMs} ms, got ${got.length} (${seen})`;
  };
  return waitUntil(
    {
      name: 'waitForMessages',
      probe: () => {
        const matching = state.sentMessages(to);
        return matching.length >= count ? matching.slice(0, count) : undefined;
      },
      onChange: (listener) => state.onSent(listener),
      timeoutMs,
      timedOut,
    },
    closing,
  );
}
