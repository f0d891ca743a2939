import { type Kafka, type Producer, Partitioners } from 'kafkajs';
import type { EventPublisher, StoredEvent } from '@naxio/domain';
import type { EventCodec } from '@naxio/schemas';
import { traceHeadersOf } from '../observability/trace-scope';

/**
 * Publishes stored events keyed by stream, Avro-encoded, with the type and writer-schema fingerprint
 * in headers. Idempotent producer with one request in flight: the broker drops its own retries'
 * duplicates and order within a partition (so within a lead) holds.
 */
export class KafkaEventPublisher implements EventPublisher {
  private readonly producer: Producer;

  constructor(
    kafka: Kafka,
    private readonly topic: string,
    private readonly codec: EventCodec,
  ) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      // Java's murmur2 partitioner, so a key lands on the same partition whichever client wrote it.
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  async publish(events: readonly StoredEvent[]): Promise<void> {
    if (events.length === 0) return;
    const messages = events.map((event) => {
      const encoded = this.codec.encode(event);
      return { key: encoded.key, value: encoded.value, headers: { ...encoded.headers, 'event-id': event.metadata.eventId, ...traceHeadersOf(event) } };
    });
    await this.producer.send({ topic: this.topic, messages, acks: -1 });
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }
}
