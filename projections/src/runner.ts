import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import type { Pool } from 'pg';
import type { EventCodec } from '@naxio/schemas';
import { claimPartition, ensureProjectionStatus, loadOffsets, type PartitionKey, recordOffset } from './offsets';
import { isAfter, parsePosition } from './position';
import { applyEvents, type ProjectedEvent, type Projection } from './projection';
import { dataReadBy, openPersonalFields } from './rebuild/open-personal-fields';
import { CONSUMER_SETTINGS, inTransaction, type LeadKeyStore } from '@naxio/infra';

const MAX_BACKOFF_MS = 5000;
/** Messages applied in one transaction: a fetch of a busy partition holds thousands. */
const PAGE_SIZE = 500;

export type MessageOutcome = { partition: number; offset: string; type: string; position: string; applied: boolean };

export type ProjectionRunnerOptions = {
  kafka: Kafka;
  topic: string;
  pool: Pool;
  codec: EventCodec;
  projection: Projection;
  /** Defaults to `projectionGroupId(projection.name, topic)`. */
  groupId?: string;
  log?: (message: string, error?: unknown) => void;
  /**
   * False: start where a Kafka group of this id would (the beginning for a new one) instead of after
   * the recorded offsets, to re-read history and check it changes nothing. Defaults to true.
   */
  resumeFromRecordedOffsets?: boolean;
  /** Hears about every message once its transaction committed (applied, or skipped as already seen). */
  onMessage?: (outcome: MessageOutcome) => void;
  /**
   * The bus carries personal fields sealed: with the lead keys, the fields the projection reads are
   * opened (or erased, for a lead that was forgotten) a page at a time, the rest left sealed.
   */
  keys?: LeadKeyStore;
};

export type RunningProjection = { projection: string; groupId: string; stop(): Promise<void> };

export const projectionGroupId = (projection: string, topic: string) => `projection:${projection}:${topic}`;

const headersOf = (message: KafkaMessage) => Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, v?.toString()]));

/**
 * One projection, one consumer group. Postgres, not Kafka, holds the consumer's place:
 *
 * - The messages of a fetched batch are applied a page at a time, each page in one transaction that
 *   also records its last offset and store position in `projection_offsets`, so the read model and
 *   its place can never disagree. Nothing is committed to Kafka (`autoCommit: false`).
 * - Whether a message is new is decided by its store position, not its offset: the relay publishes
 *   the store's global order, so positions only grow within a partition, and a message at or below
 *   the partition's last applied position (a relay republish, a redelivery, a second group reading
 *   from offset 0) is skipped. A rebuild raises that floor for every partition at once.
 * - Where to read from is the offset: on every group join (start and each rebalance) kafkajs emits
 *   GROUP_JOIN synchronously before its first fetch, so the listener seeks each assigned partition
 *   to the last recorded offset + 1 from a map loaded at start and kept up to date after each commit.
 *   Without it a rejoin would start from the beginning (no Kafka commits); with a stale map entry
 *   (a partition another member advanced) we only re-read messages the position check skips.
 */
export async function startProjection(options: ProjectionRunnerOptions): Promise<RunningProjection> {
  const { projection, topic, pool } = options;
  const groupId = options.groupId ?? projectionGroupId(projection.name, topic);
  await ensureProjectionStatus(pool, projection.name);
  const offsets = options.resumeFromRecordedOffsets === false ? new Map<number, bigint>() : await loadOffsets(pool, projection.name, topic);
  const handled = new Set(projection.handles);
  let stopping = false;

  const consumer: Consumer = options.kafka.consumer({ groupId, ...CONSUMER_SETTINGS });
  const joined = new Promise<void>((resolve) =>
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      for (const partition of payload.memberAssignment[topic] ?? []) {
        const last = offsets.get(partition);
        if (last !== undefined) consumer.seek({ topic, partition, offset: (last + 1n).toString() });
      }
      resolve();
    }),
  );

  /**
   * One page of a partition's messages in one transaction: events at or below the partition's floor
   * are skipped (and each applied one raises it, so a republish inside the page is skipped too), the
   * rest are folded together, and the page's last offset and position are recorded with them.
   */
  async function applyPage(page: readonly { event: ProjectedEvent; offset: string }[], key: PartitionKey): Promise<boolean[]> {
    return inTransaction(pool, async (tx) => {
      let floor = await claimPartition(tx, key);
      const applied = page.map(({ event }) => {
        const position = parsePosition(event.position);
        if (!isAfter(position, floor)) return false;
        floor = position;
        return true;
      });
      const fresh = page.filter((m, i) => applied[i] && handled.has(m.event.type)).map((m) => m.event);
      if (fresh.length > 0) await applyEvents(projection, fresh, tx);
      const lastApplied = page.findLast((_, i) => applied[i]);
      await recordOffset(tx, key, page.at(-1)!.offset, lastApplied ? parsePosition(lastApplied.event.position) : null);
      return applied;
    });
  }

  const personalFieldsRead = dataReadBy([projection]);
  async function decode(messages: readonly KafkaMessage[]): Promise<{ event: ProjectedEvent; offset: string }[]> {
    const decoded: ProjectedEvent[] = messages.map((message) => options.codec.decode(message.value ?? Buffer.alloc(0), headersOf(message)));
    const events = options.keys ? await openPersonalFields(options.keys, personalFieldsRead, decoded) : decoded;
    return events.map((event, i) => ({ event, offset: messages[i]!.offset }));
  }

  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    eachBatch: async ({ batch, heartbeat, resolveOffset, isRunning, isStale }) => {
      const key = { projection: projection.name, topic, partition: batch.partition };
      for (let from = 0; from < batch.messages.length && isRunning() && !isStale(); from += PAGE_SIZE) {
        const messages = batch.messages.slice(from, from + PAGE_SIZE);
        const last = messages.at(-1)!.offset;
        for (let attempt = 1; ; attempt++) {
          if (stopping) throw new Error(`${groupId} stopped before offset ${last} of partition ${batch.partition} was applied`);
          try {
            // Decoding is inside the retry: an unknown schema waits for a reader that knows it.
            const page = await decode(messages);
            const applied = await applyPage(page, key);
            offsets.set(batch.partition, BigInt(last));
            page.forEach(({ event, offset }, i) => options.onMessage?.({ partition: batch.partition, offset, type: event.type, position: event.position, applied: applied[i]! }));
            break;
          } catch (error) {
            options.log?.(`${groupId}: offsets ${messages[0]!.offset}-${last} of partition ${batch.partition} failed (attempt ${attempt})`, error);
            await new Promise((resolve) => setTimeout(resolve, Math.min(MAX_BACKOFF_MS, 100 * 2 ** attempt)));
          }
          await heartbeat();
        }
        resolveOffset(last);
        await heartbeat();
      }
    },
  });
  await joined;

  return {
    projection: projection.name,
    groupId,
    async stop() {
      stopping = true;
      await consumer.disconnect();
    },
  };
}
