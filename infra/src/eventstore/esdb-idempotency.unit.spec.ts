import { type NewEvent, PartialDuplicateAppend, type StoredEvent, type StreamRead } from '@naxio/domain';
import { settleRepeatedIds } from './esdb-idempotency';

const s = 'lead-t-1';
const event = (eventId: string): NewEvent => ({
  type: 'CallMissed',
  data: {},
  metadata: { eventId, streamId: s, tenantId: 't', occurredAt: '2026-01-01T00:00:00.000Z', correlationId: 'c', causationId: null },
});
const stored = (eventId: string, streamVersion: number): StoredEvent => ({
  ...event(eventId),
  streamVersion,
  position: `${100 + streamVersion}:${100 + streamVersion}`,
  recordedAt: '2026-01-01T00:00:00.000Z',
});
const stream: StreamRead = { version: 3, events: [stored('a', 0), stored('b', 1), stored('c', 2), stored('d', 3)] };

describe('repeated event ids in an append', () => {
  it('lets an append of new ids go ahead', () => {
    expect(settleRepeatedIds(s, stream, [event('x'), event('y')])).toBeUndefined();
    expect(settleRepeatedIds(s, { version: -1, events: [] }, [event('x')])).toBeUndefined();
  });

  it('answers an append of stored ids with the current version and the last of them', () => {
    expect(settleRepeatedIds(s, stream, [event('b'), event('c')])).toEqual({ nextExpectedVersion: 3, position: '102:102' });
  });

  it('refuses an append that repeats some stored ids but not all', () => {
    expect(() => settleRepeatedIds(s, stream, [event('c'), event('x')])).toThrow(PartialDuplicateAppend);
  });

  it('refuses an append that names one stored id twice', () => {
    expect(() => settleRepeatedIds(s, stream, [event('c'), event('c')])).toThrow(PartialDuplicateAppend);
  });
});
