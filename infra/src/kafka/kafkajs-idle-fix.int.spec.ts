import { randomUUID } from 'node:crypto';
import { freshTopic, kafkaBrokers, tapTopic } from '../../../test/support/kafka';
import { eventually } from '../wait';
import { createKafka } from './kafka-client';
import { kafkaRequestQueue } from './kafkajs-idle-fix';

// Real Kafka: a connected, idle producer leaves its request queues alone, and still sends when asked.
it('checks no empty request queue while idle, and still sends after the idle spell', async () => {
  const topic = await freshTopic('idle-queue');
  const producer = createKafka('naxio-idle-queue-test', kafkaBrokers()).producer();
  await producer.connect();
  await producer.send({ topic, messages: [{ key: 'warm', value: 'up' }] });
  const checks = jest.spyOn(kafkaRequestQueue, 'checkPendingRequests');
  try {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    // Unpatched, each connection checks its empty queue about once a millisecond: hundreds a second.
    expect(checks.mock.calls.length).toBeLessThan(20);

    const value = randomUUID();
    await producer.send({ topic, messages: [{ key: 'after', value }] });
    const tap = await tapTopic(topic);
    await eventually(() => (tap.messages.some((m) => m.value?.toString() === value) ? true : undefined), 15000, 'the message sent after the idle spell');
    await tap.stop();
  } finally {
    checks.mockRestore();
    await producer.disconnect();
  }
});
