import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import type { EventConsumer, StoredEvent } from '@naxio/domain';
import { handleObserved, watchConsumerLag } from '../observability/consumer-observability';
import { type EventCodec, HEADER_EVENT_TYPE } from '@naxio/schemas';
import { CONSUMER_SETTINGS } from './kafka-client';

const MAX_BACKOFF_MS = 5000;
const PARTITIONS_AT_ONCE = 3;
const LEADS_AT_ONCE = 16;

/** Runs `work` over `items`, at most `limit` at a time. */
async function forEachAtMost<T>(limit: number, items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export type ConsumerLog = (message: string, error?: unknown) => void;

/**
 * One consumer group's loop: decode, hand to the handler, and only then let the offset be committed.
 * A failing handler is retried in place with backoff rather than skipped, so nothing accepted is lost
 * and a lead's events are never handled out of order; handlers are idempotent, so the redelivery
 * after a crash is harmless.
 */
export class KafkaEventConsumer implements EventConsumer {
  private readonly consumer: Consumer;
  private stopping = false;

  constructor(
    kafka: Kafka,
    readonly groupId: string,
    private readonly topic: string,
    private readonly codec: EventCodec,
    private readonly log: ConsumerLog = () => undefined,
  ) {
    this.consumer = kafka.consumer({ groupId, ...CONSUMER_SETTINGS });
    watchConsumerLag(this.consumer, groupId);
  }

  /**
   * Called when kafkajs stops the consumer for good (an error it does not retry): the process should
   * exit and be started again rather than live on without consuming.
   */
  onGiveUp(giveUp: (error: unknown) => void): void {
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart && !this.stopping) giveUp(payload.error);
    });
  }

  async start(handle: (event: StoredEvent) => Promise<void>, reactsTo?: readonly string[]): Promise<void> {
    const wanted = reactsTo && new Set(reactsTo);
    await this.consumer.connect();
    // A new group reads from the beginning: events published before it first joined are still its work.
    await this.consumer.subscribe({ topic: this.topic, fromBeginning: true });
    // Resolve once partitions are assigned, so callers know the group is really consuming.
    const joined = new Promise<void>((resolve) => this.consumer.on(this.consumer.events.GROUP_JOIN, () => resolve()));
    await this.consumer.run({
      // Partitions are handled side by side, and within a partition's batch so are different leads;
      // one lead's events (one key) stay in order. The batch's offset is committed once all are done.
      partitionsConsumedConcurrently: PARTITIONS_AT_ONCE,
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
        const lanes = new Map<string, KafkaMessage[]>();
        for (const message of batch.messages) {
          // Most events are for other groups: skipping them by header spares decoding and opening them.
          const type = message.headers?.[HEADER_EVENT_TYPE]?.toString();
          if (wanted && type !== undefined && !wanted.has(type)) continue;
          const lead = message.key?.toString() ?? '';
          const lane = lanes.get(lead);
          if (lane) lane.push(message);
          else lanes.set(lead, [message]);
        }
        await forEachAtMost(LEADS_AT_ONCE, [...lanes.values()], async (lane) => {
          for (const message of lane) await this.handleMessage(message, handle, heartbeat);
        });
        resolveOffset(batch.lastOffset());
        await heartbeat();
      },
    });
    await joined;
  }

  private async handleMessage(message: KafkaMessage, handle: (event: StoredEvent) => Promise<void>, heartbeat: () => Promise<void>): Promise<void> {
    const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, v?.toString()]));
    const event = this.codec.decode(message.value ?? Buffer.alloc(0), headers);
    for (let attempt = 1; !this.stopping; attempt++) {
      try {
        return await handleObserved(this.groupId, event, headers.traceparent, () => handle(event));
      } catch (error) {
        this.log(`${this.groupId}: ${event.type} ${event.metadata.eventId} failed (attempt ${attempt})`, error);
        await new Promise((resolve) => setTimeout(resolve, Math.min(MAX_BACKOFF_MS, 100 * 2 ** attempt)));
        await heartbeat();
      }
    }
    // Stopping mid-retry: throwing keeps the offset uncommitted, so the next start gets it again.
    throw new Error(`${this.groupId} stopped before ${event.metadata.eventId} was handled`);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.consumer.disconnect();
  }
}
