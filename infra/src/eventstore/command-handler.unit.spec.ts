import type { Decider } from '@naxio/domain';
import { handleCommand, presumedNew } from './command-handler';
import { InMemoryEventStore } from './in-memory-event-store';

// A ticket dispenser: each Take hands out the next number, and only while fewer than `limit` are out.
type Taken = { type: 'Taken'; data: { number: number } };
const dispenser = (limit: number): Decider<'Take', Taken, number> => ({
  initialState: () => 0,
  evolve: (count) => count + 1,
  decide: (_command, count) => (count < limit ? [{ type: 'Taken', data: { number: count + 1 } }] : []),
});
const context = { tenantId: 't1', now: new Date('2026-11-28T10:00:00Z'), correlationId: 'c1', causationId: null };

describe('handleCommand', () => {
  it('decides on a stream the caller already read without reading it again, and says what it decided on', async () => {
    const store = new InMemoryEventStore();
    await handleCommand(store, dispenser(1), 'd1', 'Take', context);
    const read = await store.readStream('d1');
    const reads = jest.spyOn(store, 'readStream');

    const refused = await handleCommand(store, dispenser(1), 'd1', 'Take', context, read);
    expect(reads).not.toHaveBeenCalled();
    expect(refused).toMatchObject({ events: [], state: 1, nextExpectedVersion: read.version });
    expect(refused.history.map((e) => e.data)).toEqual([{ number: 1 }]);
  });

  it('decides a stream presumed new without reading it', async () => {
    const store = new InMemoryEventStore();
    const reads = jest.spyOn(store, 'readStream');
    const handled = await handleCommand(store, dispenser(5), 'd3', 'Take', context, presumedNew());
    expect(reads).not.toHaveBeenCalled();
    expect(handled.events).toEqual([{ type: 'Taken', data: { number: 1 } }]);
  });

  it('reads afresh when the stream it was handed has moved on, as one presumed new that exists', async () => {
    const store = new InMemoryEventStore();
    await handleCommand(store, dispenser(5), 'd2', 'Take', context);

    const handled = await handleCommand(store, dispenser(5), 'd2', 'Take', context, presumedNew());
    expect(handled.events).toEqual([{ type: 'Taken', data: { number: 2 } }]);
    expect(handled.state).toBe(1);
    expect((await store.readStream('d2')).events.map((e) => e.data)).toEqual([{ number: 1 }, { number: 2 }]);
  });
});
