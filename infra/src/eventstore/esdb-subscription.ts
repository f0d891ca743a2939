import type { Readable } from 'node:stream';
import type { StoredEvent, Subscription } from '@naxio/domain';
import { FeedReader } from './esdb-feed-reader';

const RETRY_MS = 1000;
const DEFAULT_BATCH = 500;

/** One server-side subscription: what it delivers, and how to end it. */
export type EventFeed = { stream: Readable; close(): Promise<void> };

export type ResubscribingOptions<Raw> = {
  after?: string;
  batchSize?: number;
  onError?: (error: unknown) => void;
  retryMs?: number;
  /** Opens a subscription that delivers what follows `after` (the start of the log when undefined). */
  open(after: string | undefined): EventFeed;
  /** Our event, or undefined for an item that is not ours or not after `after` (skipped). */
  toEvent(raw: Raw, after: string | undefined): StoredEvent | undefined;
};

/**
 * Hands a live subscription's events to `handle` in batches, one batch at a time, in log order.
 * Any failure (the connection, the server ending the call, the handler) closes the subscription
 * and, after a pause, opens a new one from the last position a handler finished, so a failed batch
 * is delivered again and nothing is skipped. `stop` waits for a handler in flight.
 */
export function resubscribingSubscription<Raw>(
  options: ResubscribingOptions<Raw>,
  handle: (events: StoredEvent[]) => Promise<void>,
): Subscription {
  const onError = options.onError ?? (() => undefined);
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  let after = options.after;
  let stopped = false;
  let interrupt: () => void = () => undefined;
  const interrupted = new Promise<void>((resolve) => (interrupt = resolve));
  let cancelPause: () => void = () => undefined;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      cancelPause = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function follow(feed: EventFeed): Promise<void> {
    const reader = new FeedReader<Raw>(feed.stream);
    try {
      for (;;) {
        const raw = await reader.next(batchSize, interrupted);
        if (raw === undefined || stopped) return;
        const events = raw.map((item) => options.toEvent(item, after)).filter((e) => e !== undefined);
        if (events.length === 0) continue;
        await handle(events);
        after = events.at(-1)!.position;
      }
    } finally {
      reader.dispose();
      await feed.close().catch(() => undefined);
    }
  }

  const loop = (async () => {
    while (!stopped) {
      try {
        await follow(options.open(after));
      } catch (error) {
        if (stopped) break;
        onError(error);
        await pause(options.retryMs ?? RETRY_MS);
      }
    }
  })();

  return {
    async stop() {
      stopped = true;
      interrupt();
      cancelPause();
      await loop;
    },
  };
}
