import { randomUUID } from 'node:crypto';
import type { LeadEvent, NewEvent, StoredEvent } from '@naxio/domain';
import { createEventCodec, exampleEvents } from '@naxio/schemas';
import { eventStoreContract } from '../eventstore/event-store.contract';
import { InMemoryEventStore } from '../eventstore/in-memory-event-store';
import { eventually } from '../wait';
import { InMemoryLeadKeyStore } from './lead-key-store';
import { ERASED, personalFieldsOf } from './personal-fields';
import { PiiProtectingEventStore } from './pii-protecting-event-store';
import { PrivacyErrorCode } from './privacy-errors';
import { isSealed } from './sealed-value';

eventStoreContract('PII-protecting in-memory', async () => ({
  store: new PiiProtectingEventStore(new InMemoryEventStore(), new InMemoryLeadKeyStore()),
  teardown: async () => undefined,
}));

const toNew = (streamId: string, event: LeadEvent): NewEvent => ({
  ...event,
  metadata: { eventId: randomUUID(), streamId, tenantId: 't', occurredAt: '2026-11-28T15:00:00.000Z', correlationId: 'c', causationId: null },
});
const every = (streamId: string) => Object.values(exampleEvents).map((e) => toNew(streamId, e));
type Data = Record<string, unknown>;

describe('PII-protecting event store over the in-memory store', () => {
  let inner: InMemoryEventStore;
  let keys: InMemoryLeadKeyStore;
  let store: PiiProtectingEventStore;
  beforeEach(() => {
    inner = new InMemoryEventStore();
    keys = new InMemoryLeadKeyStore();
    store = new PiiProtectingEventStore(inner, keys);
  });

  it('stores every event type with its personal fields sealed and nothing else changed', async () => {
    const events = every('lead-t-1');
    await store.appendToStream('lead-t-1', events, 'no_stream');
    const stored = (await inner.readStream('lead-t-1')).events;
    expect(stored.map((e) => [e.type, e.metadata])).toEqual(events.map((e) => [e.type, e.metadata]));
    stored.forEach((e, i) => {
      const [data, original] = [e.data as Data, events[i]!.data as Data];
      for (const [field, value] of Object.entries(original)) {
        if (personalFieldsOf(e.type).includes(field) && value !== null) expect([e.type, field, isSealed(data[field])]).toEqual([e.type, field, true]);
        else expect([e.type, field, data[field]]).toEqual([e.type, field, value]);
      }
    });
  });

  it('reads back exactly what was appended, per stream, in global order and by subscription', async () => {
    const events = every('lead-t-1');
    await store.appendToStream('lead-t-1', events, 'no_stream');
    const data = events.map((e) => e.data);
    expect((await store.readStream('lead-t-1')).events.map((e) => e.data)).toEqual(data);
    expect((await store.readAll({ limit: 100 })).map((e) => e.data)).toEqual(data);
    const seen: StoredEvent[] = [];
    const subscription = store.subscribeToAll({}, async (batch) => void seen.push(...batch));
    await eventually(() => (seen.length >= data.length ? true : undefined), 5000, `${data.length} events, saw ${seen.length}`);
    await subscription.stop();
    expect(seen.map((e) => e.data)).toEqual(data);
  });

  it('leaves the caller’s events untouched and makes no key for a stream with nothing personal', async () => {
    const events = every('lead-t-1');
    const before = JSON.stringify(events);
    await store.appendToStream('lead-t-1', events, 'no_stream');
    expect(JSON.stringify(events)).toBe(before);
    await store.appendToStream('lead-t-2', [toNew('lead-t-2', exampleEvents.TextSent)], 'no_stream');
    expect(await keys.existingKey('lead-t-2')).toBeNull();
  });

  it('reads personal fields as erased once the lead’s key is forgotten; a later contact gets a new key', async () => {
    await store.appendToStream('lead-t-1', [toNew('lead-t-1', exampleEvents.CallMissed)], 'no_stream');
    await keys.forget('lead-t-1');
    await store.appendToStream('lead-t-1', [toNew('lead-t-1', exampleEvents.ReplyReceived)], 0);
    const [call, reply] = (await store.readStream('lead-t-1')).events;
    expect(call!.data).toEqual({ ...exampleEvents.CallMissed.data, callerPhone: ERASED });
    expect(reply!.data).toEqual(exampleEvents.ReplyReceived.data);
  });

  it('passes on values stored in clear before sealing began', async () => {
    const legacy = toNew('lead-t-1', exampleEvents.ReplyReceived);
    await inner.appendToStream('lead-t-1', [legacy], 'no_stream');
    expect((await store.readStream('lead-t-1')).events[0]!.data).toEqual(legacy.data);
  });

  it('refuses to seal an event under another stream’s key', async () => {
    await expect(store.appendToStream('lead-t-1', [toNew('lead-t-2', exampleEvents.CallMissed)], 'no_stream')).rejects.toMatchObject({ code: PrivacyErrorCode.streamMismatch });
  });

  it('keeps every event encodable with its Avro schema, sealed and erased alike', async () => {
    const codec = createEventCodec();
    await store.appendToStream('lead-t-1', every('lead-t-1'), 'no_stream');
    const sealed = (await inner.readStream('lead-t-1')).events;
    await keys.forget('lead-t-1');
    const erased = (await store.readStream('lead-t-1')).events;
    for (const event of [...sealed, ...erased]) {
      const { value, headers } = codec.encode(event);
      expect(codec.decode(value, headers).data).toEqual(event.data);
    }
    expect(erased.find((e) => e.type === 'ReplyReceived')!.data).toMatchObject({ callerPhone: ERASED, text: ERASED });
  });
});
