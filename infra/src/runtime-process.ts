import type { Pool } from 'pg';
import { type Clock, type EventStore, type StoredEvent, systemClock } from '@naxio/domain';
import { createEventCodec } from '@naxio/schemas';
import { createEventStore } from './eventstore/event-store-factory';
import { createKafka, ensureTopic } from './kafka/kafka-client';
import { KafkaEventConsumer } from './kafka/kafka-event-consumer';
import { logger } from './observability/logger';
import { serveMetricsFromEnv } from './observability/metrics-server';
import { createPool } from './postgres/pool';
import { runtimeEnv, stopOnSignal } from './runtime-env';
import { PostgresTenantDirectory } from './tenants/postgres-tenant-directory';
import { revealEvents } from './privacy/personal-data';
import { PiiProtectingEventStore } from './privacy/pii-protecting-event-store';
import { cachedLeadKeys } from './privacy/cached-lead-key-store';

export type ProcessBasics = { pool: Pool; store: EventStore; tenants: PostgresTenantDirectory; clock: Clock; log: (message: string) => void };

type Handle = (event: StoredEvent) => Promise<void>;

/**
 * The body of every consumer app: connect, build the handler from the basics, consume as `group`
 * until SIGINT/SIGTERM, handing the handler only the event types it `reactsTo`. Each app's main.ts
 * only says what it builds.
 */
export function runConsumerProcess(group: string, reactsTo: readonly string[], build: (basics: ProcessBasics) => Handle | { handle: Handle; stop(): Promise<void> }): void {
  const env = runtimeEnv();
  const pool = createPool(env.databaseUrl);
  const log = (message: string) => logger().info({ group }, message);
  // Personal fields are sealed per lead in the store and on the bus; handlers see them opened.
  const keys = cachedLeadKeys(pool);
  const store = new PiiProtectingEventStore(createEventStore(process.env, pool), keys);
  const basics: ProcessBasics = { pool, store, tenants: new PostgresTenantDirectory(pool), clock: systemClock, log };
  const consumer = new KafkaEventConsumer(createKafka(`naxio-${group}`, env.kafkaBrokers), group, env.topic, createEventCodec());
  consumer.onGiveUp((error) => {
    console.error(`${group}: the consumer stopped for good, exiting to be restarted`, error);
    process.exit(1);
  });
  const metrics = serveMetricsFromEnv();
  const built = build(basics);
  const [handleOpened, stopAlso] = typeof built === 'function' ? [built, async () => undefined] : [built.handle, () => built.stop()];
  const handle: Handle = async (event) => handleOpened((await revealEvents(keys, [event]))[0]!);
  // A METRICS_PORT that cannot be served stops the process like a broker that cannot be reached.
  // Consumers may start before the relay has created the topic: whoever comes first creates it.
  Promise.all([ensureTopic(createKafka(`naxio-${group}-admin`, env.kafkaBrokers), env.topic).then(() => consumer.start(handle, reactsTo)), metrics])
    .then(() => {
      log(`consuming ${env.topic}`);
      stopOnSignal(async () => {
        await stopAlso();
        await (await metrics)?.close();
        await consumer.stop();
        await pool.end();
      });
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
