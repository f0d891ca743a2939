import { PassThrough } from 'node:stream';
import { Metadata, status } from '@grpc/grpc-js';
import type { StoredEvent } from '@naxio/domain';
// The client's own subscription stream (what `client.subscribeToAll` returns), fed here by an
// imitated gRPC call, so its error conversion and cancellation meet our reading loop for real.
import { Subscription } from '@eventstore/db-client/dist/streams/utils/Subscription';
import { eventually } from '../wait';
import { resubscribingSubscription } from './esdb-subscription';

type Raw = { n: number };

function grpcCall() {
  const call = new PassThrough({ objectMode: true });
  let cancelled = false;
  const send = (n: number) => call.write({ hasEvent: () => true, getEvent: () => ({ n }) });
  const fail = (code: status, details: string) => call.emit('error', Object.assign(new Error(`${code} ${details}`), { code, details, metadata: new Metadata() }));
  // What grpc-js reports on the call when the client cancels it; the client ignores exactly this.
  const cancel = () => {
    cancelled = true;
    fail(status.CANCELLED, 'Cancelled on client');
  };
  return { call: Object.assign(call, { cancel }), send, fail, isCancelled: () => cancelled };
}

const toEvent = (raw: Raw, after: string | undefined): StoredEvent | undefined =>
  after !== undefined && raw.n <= Number(after)
    ? undefined
    : { type: 'CallMissed', data: raw, metadata: { eventId: `e${raw.n}`, streamId: 'lead-t', tenantId: 't', occurredAt: '', correlationId: 'c', causationId: null }, streamVersion: raw.n, position: String(raw.n), recordedAt: '' };

describe("our subscription loop over the client's Subscription stream", () => {
  it('hands events over in order, subscribes again after a server error, and cancels the call on stop', async () => {
    const calls: (ReturnType<typeof grpcCall> & { after: string | undefined })[] = [];
    const errors: unknown[] = [];
    const seen: number[] = [];
    const subscription = resubscribingSubscription<Raw>(
      {
        toEvent,
        retryMs: 5,
        batchSize: 2,
        onError: (error) => errors.push(error),
        open: (after) => {
          const grpc = grpcCall();
          calls.push({ ...grpc, after });
          const stream = new Subscription<Raw>(async () => grpc.call as never, (event) => event as unknown as Raw, { highWaterMark: 2 });
          return { stream, close: () => stream.unsubscribe() };
        },
      },
      async (events) => void seen.push(...events.map((e) => (e.data as Raw).n)),
    );
    await eventually(() => calls[0]);
    for (const n of [1, 2, 3]) calls[0]!.send(n);
    await eventually(() => (seen.length === 3 ? true : undefined));

    calls[0]!.fail(status.UNAVAILABLE, 'connection dropped');
    await eventually(() => calls[1]);
    expect(calls[1]!.after).toBe('3');
    await eventually(() => (calls[0]!.isCancelled() ? true : undefined));
    for (const n of [3, 4]) calls[1]!.send(n);
    await eventually(() => (seen.length === 4 ? true : undefined));

    await subscription.stop();
    await eventually(() => (calls[1]!.isCancelled() ? true : undefined));
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ type: 'unavailable' });
  });
});
