// waitUntil: what the sandbox's waiters share. A probe is checked now and on every change signal;
// the wait ends with its first answer, when the sandbox closes, or at the deadline.

export type WaitSpec<T> = {
  /** Named in errors: `waitForCall`, `waitForMessages`. */
  name: string;
  /** The answer once there is one; a throw ends the wait with that error. */
  probe: () => T | undefined;
  /** Calls the listener on every change; returns how to stop. */
  onChange: (listener: () => void) => () => void;
  timeoutMs: number;
  /** Why the deadline passed, from what the sandbox holds then. */
  timedOut: () => string;
};

export function waitUntil<T>(spec: WaitSpec<T>, closing: AbortSignal): Promise<T> {
  const already = spec.probe();
  if (already !== undefined) return Promise.resolve(already);
  if (closing.aborted) return Promise.reject(new Error(`${spec.name}: the sandbox is closed`));

  return new Promise((resolve, reject) => {
    const finish = (outcome: () => void) => {
      clearTimeout(timer);
      stopListening();
      closing.removeEventListener('abort', onClose);
      outcome();
    };
    const stopListening = spec.onChange(() => {
      let found: T | undefined;
      try {
        found = spec.probe();
      } catch (error) {
        finish(() => reject(error));
        return;
      }
      if (found !== undefined) finish(() => resolve(found));
    });
    const onClose = () => finish(() => reject(new Error(`${spec.name}: the sandbox was closed`)));
    closing.addEventListener('abort', onClose, { once: true });
    const timer = setTimeout(() => finish(() => reject(new Error(`${spec.name}: ${spec.timedOut()}`))), spec.timeoutMs);
  });
}
