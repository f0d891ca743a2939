import { randomBytes } from 'node:crypto';
import type { IHeaders } from 'kafkajs';
import { createKafka, ensureTopic } from '@naxio/infra';

export type Published = { createTime: number; valueBytes: number; keyBytes: number; headers: IHeaders };

/**
 * Watches the lead topic as one more consumer group: when the relay published each CallMissed
 * (the record's CreateTime, stamped by the producer as it sends) and how big messages are.
 */
export async function tapLeadTopic(brokers: string[], topic: string) {
  const kafka = createKafka('naxio-storm-tap', brokers);
  // The apps create the topic as they start; the tap may be first.
  await ensureTopic(kafka, topic);
  const consumer = kafka.consumer({ groupId: `storm-tap-${randomBytes(4).toString('hex')}` });
  const callMissed = new Map<string, Published>();
  let messages = 0;
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.run({
    eachMessage: async ({ message }) => {
      messages += 1;
      if (message.headers?.['event-type']?.toString() !== 'CallMissed' || !message.key) return;
      const published = { createTime: Number(message.timestamp), valueBytes: message.value?.length ?? 0, keyBytes: message.key.length, headers: message.headers };
      callMissed.set(message.key.toString(), published);
    },
  });
  await joined;
  return { callMissed, messageCount: () => messages, stop: () => consumer.disconnect() };
}
