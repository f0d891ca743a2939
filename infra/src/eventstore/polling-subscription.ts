import type { EventStore, StoredEvent, Subscription } from '@naxio/domain';

const IDLE_POLL_MS = 250;
const RETRY_MS = 1000;

type Listen = (wake: () => void) => Promise<() => Promise<void>>;

/**
 * Follows readAll from a position: batch after batch while there is work, then sleeps until woken
 * (a store notification) or the idle poll comes round. The poll stays as a safety net because an
 * event that committed late only becomes readable when older transactions finish, which notifies
 * nobody. A failing read or handler is retried from the same position, never skipped.
 */
export function pollingSubscription(
  store: Pick<EventStore, 'readAll'>,
  options: { after?: string; batchSize?: number },
  handle: (events: StoredEvent[]) => Promise<void>,
  listen?: Listen,
  onError: (error: unknown) => void = () => undefined,
): Subscription {
  let after = options.after;
  let stopped = false;
  let wakeUp: () => void = () => undefined;
  // Set by a notification that arrives while we are reading, so the sleep after an empty read ends at once.
  let woken = false;
  const wake = () => {
    woken = true;
    wakeUp();
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken || stopped) return resolve();
      const timer = setTimeout(resolve, ms);
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const unlisten = listen ? listen(wake).catch(() => async () => undefined) : Promise.resolve(async () => undefined);

  const loop = (async () => {
    while (!stopped) {
      woken = false;
      try {
        const events = await store.readAll({ after, limit: options.batchSize ?? 500 });
        if (events.length === 0) {
          await sleep(IDLE_POLL_MS);
          continue;
        }
        await handle(events);
        after = events.at(-1)!.position;
      } catch (error) {
        onError(error);
        await sleep(RETRY_MS);
      }
    }
  })();

  return {
    async stop() {
      stopped = true;
      wake();
      await loop;
      await (await unlisten)();
    },
  };
}
