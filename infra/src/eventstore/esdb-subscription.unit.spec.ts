import { PassThrough } from 'node:stream';
import type { StoredEvent } from '@naxio/domain';
import { eventually } from '../wait';
import { type EventFeed, resubscribingSubscription } from './esdb-subscription';

type Raw = { n: number; stream?: string };

/** Server-side subscriptions imitated by object streams the test writes to. */
function feeds() {
  const opened: { after: string | undefined; stream: PassThrough; closed: boolean }[] = [];
  const open = (after: string | undefined): EventFeed => {
    const entry = { after, stream: new PassThrough({ objectMode: true }), closed: false };
    opened.push(entry);
    return { stream: entry.stream, close: async () => void (entry.closed = true) };
  };
  const latest = () => opened.at(-1)!;
  return { opened, open, latest };
}

const toEvent = (raw: Raw, after: string | undefined): StoredEvent | undefined => {
  if (raw.stream === '$stats' || (after !== undefined && raw.n <= Number(after))) return undefined;
  const metadata = { eventId: `e${raw.n}`, streamId: 'lead-t-1', tenantId: 't', occurredAt: '', correlationId: 'c', causationId: null };
  return { type: 'CallMissed', data: { n: raw.n }, metadata, streamVersion: raw.n, position: String(raw.n), recordedAt: '' };
};
const numbers = (batches: StoredEvent[][]) => batches.map((b) => b.map((e) => (e.data as { n: number }).n));

describe('a subscription that subscribes again after failures', () => {
  it('hands what is buffered over as one batch, in order, and the rest in later batches', async () => {
    const { open, latest } = feeds();
    const batches: StoredEvent[][] = [];
    const subscription = resubscribingSubscription<Raw>({ open, toEvent, batchSize: 3 }, async (events) => void batches.push(events));
    for (const n of [1, 2, 3, 4, 5]) latest().stream.write({ n });
    await eventually(() => (batches.flat().length === 5 ? true : undefined));
    latest().stream.write({ n: 6 });
    await eventually(() => (batches.flat().length === 6 ? true : undefined));
    await subscription.stop();
    expect(numbers(batches)).toEqual([[1, 2, 3], [4, 5], [6]]);
    expect(latest().closed).toBe(true);
  });

  it('skips what is not ours without calling the handler for it', async () => {
    const { open, latest } = feeds();
    const batches: StoredEvent[][] = [];
    const subscription = resubscribingSubscription<Raw>({ open, toEvent }, async (events) => void batches.push(events));
    latest().stream.write({ n: 1, stream: '$stats' });
    latest().stream.write({ n: 2 });
    await eventually(() => (batches.length > 0 ? true : undefined));
    await subscription.stop();
    expect(numbers(batches)).toEqual([[2]]);
  });

  it('after a failing handler, subscribes again from the last handled position and redelivers', async () => {
    const { open, opened, latest } = feeds();
    const errors: unknown[] = [];
    const handled: number[] = [];
    let failOnce = true;
    const subscription = resubscribingSubscription<Raw>({ open, toEvent, batchSize: 1, retryMs: 5, onError: (e) => errors.push(e) }, async (events) => {
      const n = (events[0]!.data as { n: number }).n;
      if (n === 2 && failOnce) {
        failOnce = false;
        throw new Error('handler failed');
      }
      handled.push(n);
    });
    const first = latest();
    first.stream.write({ n: 1 });
    first.stream.write({ n: 2 });
    await eventually(() => (opened.length === 2 ? true : undefined));
    expect(opened[1]!.after).toBe('1');
    expect(first.closed).toBe(true);
    latest().stream.write({ n: 2 });
    latest().stream.write({ n: 3 });
    await eventually(() => (handled.length === 3 ? true : undefined));
    await subscription.stop();
    expect(handled).toEqual([1, 2, 3]);
    expect(errors.map((e) => (e as Error).message)).toEqual(['handler failed']);
  });

  it('subscribes again when the server drops or ends the subscription, telling onError each time', async () => {
    const { open, opened, latest } = feeds();
    const errors: unknown[] = [];
    const handled: number[] = [];
    const subscription = resubscribingSubscription<Raw>({ open, toEvent, retryMs: 5, onError: (e) => errors.push(e) }, async (events) => {
      handled.push(...events.map((e) => (e.data as { n: number }).n));
    });
    latest().stream.write({ n: 1 });
    await eventually(() => (handled.length === 1 ? true : undefined));
    latest().stream.destroy(new Error('connection reset'));
    await eventually(() => (opened.length === 2 ? true : undefined));
    latest().stream.end();
    await eventually(() => (opened.length === 3 ? true : undefined));
    // A replay of what was handled already (an inclusive start) is not handed over twice.
    latest().stream.write({ n: 1 });
    latest().stream.write({ n: 2 });
    await eventually(() => (handled.length === 2 ? true : undefined));
    await subscription.stop();
    expect(opened.map((o) => o.after)).toEqual([undefined, '1', '1']);
    expect(handled).toEqual([1, 2]);
    expect(errors.map((e) => (e as { code?: string; message: string }).code ?? (e as Error).message)).toEqual(['connection reset', 'subscription_feed_ended']);
  });

  it('retries a feed that cannot even be opened', async () => {
    const errors: unknown[] = [];
    let attempts = 0;
    const subscription = resubscribingSubscription<Raw>(
      {
        toEvent,
        retryMs: 5,
        onError: (e) => errors.push(e),
        open: () => {
          attempts++;
          throw new Error('unavailable');
        },
      },
      async () => undefined,
    );
    await eventually(() => (attempts >= 3 ? true : undefined));
    await subscription.stop();
    expect(errors.length).toBeGreaterThanOrEqual(2);
  });

  it('stops while waiting, during the pause before a retry, and after a handler in flight finishes', async () => {
    const idle = feeds();
    await resubscribingSubscription<Raw>({ open: idle.open, toEvent }, async () => undefined).stop();
    expect(idle.latest().closed).toBe(true);

    const paused = resubscribingSubscription<Raw>({ toEvent, retryMs: 60_000, open: () => { throw new Error('down'); } }, async () => undefined);
    await paused.stop(); // would wait a minute if the pause ignored stop

    const busy = feeds();
    let entered: () => void = () => undefined;
    const handlerEntered = new Promise<void>((resolve) => (entered = resolve));
    let release: () => void = () => undefined;
    const handled: number[] = [];
    const subscription = resubscribingSubscription<Raw>({ open: busy.open, toEvent, batchSize: 1 }, async (events) => {
      const n = (events[0]!.data as { n: number }).n;
      if (n === 1) {
        entered();
        await new Promise<void>((resolve) => (release = resolve));
      }
      handled.push(n);
    });
    busy.latest().stream.write({ n: 1 });
    busy.latest().stream.write({ n: 2 });
    await handlerEntered;
    const stopping = subscription.stop();
    release();
    await stopping;
    expect(handled).toEqual([1]);
  });
});
