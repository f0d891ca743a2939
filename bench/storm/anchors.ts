import { randomBytes } from 'node:crypto';
import { type IHeaders, Partitioners } from 'kafkajs';
import { createKafka, createPool, ensureTopic, PostgresEventStore } from '@naxio/infra';
import { runAppends } from '../lib/appends';
import { round } from '../lib/stats';

export type MessageShape = { valueBytes: number; keyBytes: number; headers: IHeaders };
export type KafkaAnchor = { topic: string; messages: number; perSend: number; messagesPerSecond: number };

const ANCHOR_TIMEOUT_MS = 120_000;

/** Named by the caller before use, so it is deleted even when the anchor fails half way. */
export const anchorTopic = (): string => `storm-anchor-${randomBytes(4).toString('hex')}`;

/**
 * Raw kafkajs on the same broker: a fresh topic with the lead topic's partitions, a producer set up
 * as the relay's (idempotent, one request in flight, acks all) and one consumer group; the rate is
 * messages over the span from the first send to the last message consumed.
 */
export async function kafkaProduceConsume(brokers: string[], topic: string, shape: MessageShape, messages: number, perSend: number): Promise<KafkaAnchor> {
  const kafka = createKafka('naxio-storm-anchor', brokers);
  await ensureTopic(kafka, topic);
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  const consumer = kafka.consumer({ groupId: `${topic}-group` });
  await Promise.all([producer.connect(), consumer.connect()]);
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    let consumed = 0;
    let allConsumed = () => undefined as void;
    const done = new Promise<void>((resolve) => (allConsumed = resolve));
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.run({ eachMessage: async () => void (++consumed >= messages && allConsumed()) });
    await joined;
    const value = randomBytes(shape.valueBytes);
    const began = performance.now();
    for (let sent = 0; sent < messages; sent += perSend) {
      const batch = Array.from({ length: Math.min(perSend, messages - sent) }, (_, i) => ({ key: `lead-${randomBytes(shape.keyBytes).toString('hex')}`.slice(0, shape.keyBytes), value, headers: { ...shape.headers, 'event-id': `${sent + i}` } }));
      await producer.send({ topic, messages: batch, acks: -1 });
    }
    await Promise.race([done, new Promise((_, reject) => setTimeout(() => reject(new Error(`kafka anchor: ${consumed}/${messages} consumed`)), ANCHOR_TIMEOUT_MS).unref())]);
    return { topic, messages, perSend, messagesPerSecond: Math.round(messages / ((performance.now() - began) / 1000)) };
  } finally {
    await Promise.all([producer.disconnect(), consumer.disconnect()]);
  }
}

/** Raw event-store appends on the storm's database: single CallMissed-sized events, `writers` at once. */
export async function postgresAppends(databaseUrl: string, writers: number, events: number): Promise<{ writers: number; events: number; eventsPerSecond: number }> {
  const pool = createPool(databaseUrl, writers + 1);
  try {
    const run = await runAppends(new PostgresEventStore(pool), { name: 'anchor', eventsPerAppend: 1, writers }, events, `anchor-${randomBytes(3).toString('hex')}`);
    return { writers, events: run.events, eventsPerSecond: round(run.events / run.seconds, 0) };
  } finally {
    await pool.end();
  }
}
