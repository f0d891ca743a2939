import { randomBytes } from 'node:crypto';
import type { KafkaMessage } from 'kafkajs';
import { createKafka, ensureTopic } from '@naxio/infra';

export const kafkaBrokers = () => (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

/** Each spec gets its own topic on the shared broker. */
export async function freshTopic(label: string): Promise<string> {
  const topic = `t-${label}-${randomBytes(4).toString('hex')}`;
  await ensureTopic(createKafka('naxio-test', kafkaBrokers()), topic);
  return topic;
}

/** Reads a topic from the beginning with a throwaway group, keeping every message in arrival order. */
export async function tapTopic(topic: string) {
  const kafka = createKafka('naxio-test-tap', kafkaBrokers());
  const consumer = kafka.consumer({ groupId: `tap-${randomBytes(4).toString('hex')}` });
  const messages: KafkaMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void messages.push(message) });
  return { messages, stop: () => consumer.disconnect() };
}
