import { leadEventTypes, type StoredEvent } from '@naxio/domain';
import { createEventCodec, HEADER_FINGERPRINT, loadSchemaVersions } from './codec';
import { exampleEvents } from './examples';

const stored: StoredEvent = {
  type: 'CallMissed',
  data: { callSessionId: 's1', callerPhone: '+15125550101', tenantPhone: '+15125550000', reason: 'timeout', calledAt: '2026-11-28T15:00:00.000Z', repeatCall: false },
  metadata: { eventId: 'e1', streamId: 'lead-t-1', tenantId: 't', occurredAt: '2026-11-28T15:00:01.000Z', correlationId: 'w1', causationId: null },
  streamVersion: 0,
  position: '10:1',
  recordedAt: '2026-11-28T15:00:01.002Z',
};

describe('event codec', () => {
  const codec = createEventCodec();

  it('has a versioned schema for every lead event type', () => {
    const versions = loadSchemaVersions();
    for (const type of leadEventTypes) expect(versions.find((v) => v.eventType === type)?.name).toBe(`naxio.lead.${type}V1`);
  });

  it('round-trips an event and keys it by its stream', () => {
    const encoded = codec.encode(stored);
    expect(encoded.key).toBe('lead-t-1');
    expect(encoded.headers['event-type']).toBe('CallMissed');
    expect(codec.decode(encoded.value, encoded.headers)).toEqual(stored);
  });

  it.each(Object.values(exampleEvents))('round-trips every event type as the domain types it: $type', (example) => {
    const event = { ...stored, type: example.type, data: example.data };
    expect(codec.decode(codec.encode(event).value, codec.encode(event).headers)).toEqual(event);
  });

  it('refuses data that does not fit the schema', () => {
    expect(() => codec.encode({ ...stored, data: { ...(stored.data as object), reason: 'bored' } })).toThrow();
  });

  it('refuses a message whose writer schema it does not know', () => {
    const encoded = codec.encode(stored);
    expect(() => codec.decode(encoded.value, { ...encoded.headers, [HEADER_FINGERPRINT]: 'beef' })).toThrow(/no Avro schema/);
  });
});
