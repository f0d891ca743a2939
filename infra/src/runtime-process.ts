import type { Pool } from 'pg';
import { type Clock, type StoredEvent, systemClock } from '@naxio/domain';
import { createEventCodec } from '@naxio/schemas';
import { PostgresEventStore } from './eventstore/postgres-event-store';
import { createKafka } from './kafka/kafka-client';
import { KafkaEventConsumer } from './kafka/kafka-event-consumer';
import { createPool } from './postgres/pool';
import { runtimeEnv, stopOnSignal } from './runtime-env';
import { PostgresTenantDirectory } from './tenants/postgres-tenant-directory';

export type ProcessBasics = { pool: Pool; store: PostgresEventStore; tenants: PostgresTenantDirectory; clock: Clock; log: (message: string) => void };

/**
 * The body of every consumer app: connect, build the handler from the basics, consume as `group`
 * until SIGINT/SIGTERM. Each app's main.ts only says what it builds.
 */
type Handle = (event: StoredEvent) => Promise<void>;

export function runConsumerProcess(group: string, build: (basics: ProcessBasics) => Handle | { handle: Handle; stop(): Promise<void> }): void {
  const env = runtimeEnv();
  const pool = createPool(env.databaseUrl);
  const log = (message: string) => console.error(`${group}: ${message}`);
  const basics: ProcessBasics = { pool, store: new PostgresEventStore(pool), tenants: new PostgresTenantDirectory(pool), clock: systemClock, log };
  const consumer = new KafkaEventConsumer(createKafka(`naxio-${group}`, env.kafkaBrokers), group, env.topic, createEventCodec(), (m, e) => log(`${m} ${String(e)}`));
  const built = build(basics);
  const [handle, stopAlso] = typeof built === 'function' ? [built, async () => undefined] : [built.handle, () => built.stop()];
  consumer
    .start(handle)
    .then(() => {
      log(`consuming ${env.topic}`);
      stopOnSignal(async () => {
        await stopAlso();
        await consumer.stop();
        await pool.end();
      });
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
