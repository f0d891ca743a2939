import { randomUUID } from 'node:crypto';
import type { EventPublisher, NewEvent, StoredEvent } from '@naxio/domain';
import { createKafka, KafkaEventPublisher, PostgresCheckpointStore, PostgresEventStore, eventually } from '@naxio/infra';
import { createEventCodec } from '@naxio/schemas';
import { freshDatabase, type TestDatabase } from '../../../test/support/postgres';
import { freshTopic, kafkaBrokers, tapTopic } from '../../../test/support/kafka';
import { startRelay } from './relay';

const codec = createEventCodec();
let db: TestDatabase;
let store: PostgresEventStore;
let checkpoints: PostgresCheckpointStore;

beforeAll(async () => {
  db = await freshDatabase('relay');
  store = new PostgresEventStore(db.pool);
  checkpoints = new PostgresCheckpointStore(db.pool);
});
afterAll(() => db.close());

const callMissed = (streamId: string, n: number): NewEvent => ({
  type: 'CallMissed',
  data: { callSessionId: `s${n}`, callerPhone: '+15125550101', tenantPhone: '+15125550100', reason: 'timeout', calledAt: new Date().toISOString(), repeatCall: n > 0 },
  metadata: { eventId: randomUUID(), streamId, tenantId: 't', occurredAt: new Date().toISOString(), correlationId: 'c', causationId: null },
});

/** Appends `perLead` events to each of `leads` streams, interleaved across leads. */
async function appendInterleaved(leads: string[], perLead: number, from = 0) {
  for (let n = from; n < from + perLead; n++) {
    for (const lead of leads) await store.appendToStream(lead, [callMissed(lead, n)], n - 1);
  }
}

/** Per lead, the stream versions in the order Kafka delivered them. */
function versionsByLead(messages: Array<{ key: Buffer | null; value: Buffer | null; headers?: Record<string, unknown> }>) {
  const byLead = new Map<string, number[]>();
  for (const m of messages) {
    const event: StoredEvent = codec.decode(m.value!, Object.fromEntries(Object.entries(m.headers ?? {}).map(([k, v]) => [k, String(v)])));
    expect(m.key!.toString()).toBe(event.metadata.streamId);
    byLead.set(event.metadata.streamId, [...(byLead.get(event.metadata.streamId) ?? []), event.streamVersion]);
  }
  return byLead;
}

async function relayTo(topic: string, name: string, publisher?: EventPublisher) {
  const kafkaPublisher = new KafkaEventPublisher(createKafka('relay-test', kafkaBrokers()), topic, codec);
  await kafkaPublisher.connect();
  const relay = await startRelay({ store, publisher: publisher ?? kafkaPublisher, checkpoints, checkpointName: name, batchSize: 7 });
  return {
    kafkaPublisher,
    async stop() {
      await relay.stop();
      await kafkaPublisher.disconnect();
    },
  };
}

describe('relay: event store → Kafka', () => {
  it('publishes every event keyed by lead, in stream order per lead', async () => {
    const topic = await freshTopic('relay-order');
    const leads = Array.from({ length: 8 }, () => `lead-t-${randomUUID()}`);
    await appendInterleaved(leads, 5);
    const tap = await tapTopic(topic);
    const relay = await relayTo(topic, `relay-${topic}`);
    await eventually(() => (tap.messages.length >= 40 ? true : undefined), 30000, '40 messages on the topic');
    await relay.stop();
    await tap.stop();
    const byLead = versionsByLead(tap.messages);
    for (const lead of leads) expect(byLead.get(lead)).toEqual([0, 1, 2, 3, 4]);
    expect(tap.messages[0]!.headers!['schema-fingerprint']).toBeDefined();
  });

  it('neither loses nor reorders events across a crash and a restart', async () => {
    const topic = await freshTopic('relay-restart');
    const name = `relay-${topic}`;
    const leads = Array.from({ length: 6 }, () => `lead-t-${randomUUID()}`);
    await appendInterleaved(leads, 4);
    const tap = await tapTopic(topic);

    // The first relay dies after the broker acknowledged its third batch but before the checkpoint moved.
    let batches = 0;
    const first = await relayTo(topic, name, {
      publish: async (events) => {
        await first.kafkaPublisher.publish(events);
        if (++batches === 3) throw new Error('process died before saving the checkpoint');
      },
    });
    await eventually(() => (batches >= 3 ? true : undefined), 30000, 'three batches');
    await first.stop();
    const savedBeforeCrash = await checkpoints.load(name);

    await appendInterleaved(leads, 2, 4);
    const second = await relayTo(topic, name);
    await eventually(async () => ((await checkpoints.load(name)) === (await store.readAll({ limit: 1000 })).filter((e) => leads.includes(e.metadata.streamId)).at(-1)?.position ? true : undefined), 30000, 'relay to catch up');
    await eventually(() => (leads.every((l) => tap.messages.some((m) => m.key!.toString() === l && codec.decode(m.value!, { 'schema-fingerprint': String(m.headers!['schema-fingerprint']) }).streamVersion === 5)) ? true : undefined), 30000, 'every lead\'s last event');
    await second.stop();
    await tap.stop();

    expect(savedBeforeCrash).not.toBeUndefined();
    // The relay publishes the whole store, so the earlier spec's leads are on this topic too.
    const byLead = versionsByLead(tap.messages);
    for (const lead of leads) {
      const versions = byLead.get(lead) ?? [];
      // The unacknowledged batch may come twice; after that, each lead continues in order.
      const firstSeen = versions.filter((v, i) => versions.indexOf(v) === i);
      expect(firstSeen).toEqual([0, 1, 2, 3, 4, 5]);
      for (let i = 1; i < versions.length; i++) expect(versions[i]! <= versions[i - 1]! + 1).toBe(true);
    }
  });

  it('does not move the checkpoint when the broker does not acknowledge', async () => {
    const name = `relay-unacked-${randomUUID()}`;
    const lead = `lead-t-${randomUUID()}`;
    await appendInterleaved([lead], 1);
    let tries = 0;
    const failing = await startRelay({
      store,
      checkpoints,
      checkpointName: name,
      publisher: {
        publish: async () => {
          tries++;
          throw new Error('broker down');
        },
      },
    });
    await eventually(() => (tries >= 2 ? true : undefined), 10000, 'a retry');
    await failing.stop();
    expect(await checkpoints.load(name)).toBeUndefined();
  });
});
