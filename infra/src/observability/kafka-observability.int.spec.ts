import { randomUUID } from 'node:crypto';
import type { StoredEvent } from '@naxio/domain';
import { createEventCodec, exampleEvents } from '@naxio/schemas';
import { createKafka } from '../kafka/kafka-client';
import { KafkaEventConsumer } from '../kafka/kafka-event-consumer';
import { KafkaEventPublisher } from '../kafka/kafka-event-publisher';
import { eventually } from '../wait';
import { freshTopic, kafkaBrokers, tapTopic } from '../../../test/support/kafka';
import { captureLines } from './log-capture.test-support';
import { currentValue } from './scrape.test-support';
import { createLogger, currentTrace, formatTraceparent, startTrace, type TraceContext, useLogger } from './index';

// Real Kafka: the publisher puts an event's traceparent in a header, the consumer continues that
// trace around the handler, and counts what it handled and how far behind it is.
const codec = createEventCodec();
const kafka = createKafka('naxio-observability-test', kafkaBrokers());
const leadId = `lead-peak-${randomUUID()}`;
const upstream = startTrace();
const logged = captureLines();
useLogger(createLogger({ destination: logged }));

function stored(version: number, traced: boolean): StoredEvent {
  const metadata = { eventId: randomUUID(), streamId: leadId, tenantId: 'peak', occurredAt: new Date().toISOString(), correlationId: 'w1', causationId: null };
  return { ...exampleEvents.LeadOptedOut, metadata: traced ? { ...metadata, traceparent: formatTraceparent(upstream) } : metadata, streamVersion: version, position: String(version + 1), recordedAt: metadata.occurredAt } as StoredEvent;
}

let topic: string;
let publisher: KafkaEventPublisher;
let consumer: KafkaEventConsumer | undefined;
beforeAll(async () => {
  topic = await freshTopic('observability');
  publisher = new KafkaEventPublisher(kafka, topic, codec);
  await publisher.connect();
});
afterAll(async () => {
  await consumer?.stop();
  await publisher.disconnect();
});

it('carries the trace from event to handler, and counts handling, failures and lag', async () => {
  // Five events of one lead (one partition), published before the group starts: one batch of five.
  const events = [stored(0, true), stored(1, false), stored(2, true), stored(3, true), stored(4, true)];
  await publisher.publish(events);
  const tap = await tapTopic(topic);
  await eventually(async () => (tap.messages.length === 5 ? true : undefined), 15000, 'the tap to read five messages');
  await tap.stop();
  expect(tap.messages.map((m) => m.headers?.traceparent?.toString())).toEqual([formatTraceparent(upstream), undefined, ...Array(3).fill(formatTraceparent(upstream))]);

  const group = `observed-${randomUUID()}`;
  const seen = new Map<string, TraceContext | undefined>();
  let release!: () => void;
  const firstHeld = new Promise<void>((resolve) => (release = resolve));
  let failedOnce = false;
  consumer = new KafkaEventConsumer(kafka, group, topic, codec);
  await consumer.start(async (event) => {
    if (event.streamVersion === 0) await firstHeld;
    if (event.streamVersion === 1 && !failedOnce) {
      failedOnce = true;
      throw new Error('flaky handler');
    }
    seen.set(event.metadata.eventId, currentTrace());
  });

  // While the first is held, the whole batch is still to do.
  await eventually(async () => ((await currentValue('naxio_consumer_lag', { group })) === 5 ? true : undefined), 20000, 'lag of 5');
  release();
  await eventually(async () => (seen.size === 5 ? true : undefined), 20000, 'all five handled');
  await eventually(async () => ((await currentValue('naxio_consumer_lag', { group })) === 0 ? true : undefined), 10000, 'lag back to 0');

  const traced = seen.get(events[0]!.metadata.eventId)!;
  expect(traced.traceId).toBe(upstream.traceId);
  expect(traced.spanId).not.toBe(upstream.spanId);
  // An event that came without a trace is handled in one of its own.
  expect(seen.get(events[1]!.metadata.eventId)!.traceId).not.toBe(upstream.traceId);
  expect(await currentValue('naxio_events_handled_total', { group, type: 'LeadOptedOut', outcome: 'handled' })).toBe(5);
  expect(await currentValue('naxio_events_handled_total', { group, type: 'LeadOptedOut', outcome: 'failed' })).toBe(1);
  // The failure is logged once, with the lead's ids and the trace it happened in.
  const failures = logged.records().filter((r) => r.msg === 'event handler failed; retrying');
  expect(failures).toEqual([expect.objectContaining({ group, leadId, tenantId: 'peak', correlationId: 'w1', eventId: events[1]!.metadata.eventId, traceId: expect.stringMatching(/^[0-9a-f]{32}$/) })]);
  expect(failures[0]!.err).toMatchObject({ message: 'flaky handler' });
});
