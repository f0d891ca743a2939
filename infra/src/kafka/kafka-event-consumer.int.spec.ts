import { randomUUID } from 'node:crypto';
import type { StoredEvent } from '@naxio/domain';
import { createEventCodec, exampleEvents, HEADER_EVENT_TYPE } from '@naxio/schemas';
import { eventually } from '../wait';
import { freshTopic, kafkaBrokers } from '../../../test/support/kafka';
import { createKafka } from './kafka-client';
import { KafkaEventConsumer } from './kafka-event-consumer';
import { KafkaEventPublisher } from './kafka-event-publisher';

// Real Kafka: a group that names the types it reacts to never decodes the others.
const codec = createEventCodec();
const kafka = createKafka('naxio-consumer-test', kafkaBrokers());
const consumers: KafkaEventConsumer[] = [];
afterAll(() => Promise.all(consumers.map((c) => c.stop())));

function stored(type: 'CallMissed' | 'TextSent', leadId: string, version: number): StoredEvent {
  const metadata = { eventId: randomUUID(), streamId: leadId, tenantId: 'peak', occurredAt: new Date().toISOString(), correlationId: 'c1', causationId: null };
  return { ...exampleEvents[type], metadata, streamVersion: version, position: `1:${version + 1}`, recordedAt: metadata.occurredAt } as StoredEvent;
}

it('hands over only the types the group reacts to, and passes the others over unread', async () => {
  const topic = await freshTopic('consumer-types');
  const lead = `lead-peak-${randomUUID()}`;
  const publisher = new KafkaEventPublisher(kafka, topic, codec);
  await publisher.connect();
  await publisher.publish([stored('CallMissed', lead, 0), stored('TextSent', lead, 1)]);
  await publisher.disconnect();
  // A TextSent no reader could decode: a group that read it would retry it for ever.
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic, messages: [{ key: lead, value: Buffer.from('not avro'), headers: { [HEADER_EVENT_TYPE]: 'TextSent' } }] });
  const closing = stored('CallMissed', lead, 2);
  await producer.disconnect();
  await publisher.connect();
  await publisher.publish([closing]);
  await publisher.disconnect();

  const handled: string[] = [];
  const selective = new KafkaEventConsumer(kafka, `selective-${randomUUID()}`, topic, codec);
  consumers.push(selective);
  await selective.start(async (event) => void handled.push(`${event.type}@${event.streamVersion}`), ['CallMissed']);

  // Had the group decoded the undecodable TextSent, the lead's lane would be stuck there.
  await eventually(() => (handled.length === 2 ? true : undefined), 20000, 'the group to reach the last CallMissed');
  expect(handled).toEqual(['CallMissed@0', 'CallMissed@2']);
});
