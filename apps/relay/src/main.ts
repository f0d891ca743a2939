import {
  createKafka,
  createPool,
  ensureTopic,
  KafkaEventPublisher,
  migrate,
  PostgresCheckpointStore,
  createEventStore,
  eventStoreKind,
  runtimeEnv,
  serveMetricsFromEnv,
  stopOnSignal,
} from '@naxio/infra';
import { createEventCodec } from '@naxio/schemas';
import { startRelay } from './relay';

// Copies the event store to Kafka: DATABASE_URL, KAFKA_BROKERS, LEAD_EVENTS_TOPIC. Run exactly one.
async function main() {
  const env = runtimeEnv();
  const pool = createPool(env.databaseUrl);
  await migrate(pool);
  const kafka = createKafka('naxio-relay', env.kafkaBrokers);
  await ensureTopic(kafka, env.topic);
  const publisher = new KafkaEventPublisher(kafka, env.topic, createEventCodec());
  await publisher.connect();
  const relay = await startRelay({
    // Reads the store as written: personal fields stay sealed on the bus.
    store: createEventStore(process.env, pool),
    publisher,
    checkpoints: new PostgresCheckpointStore(pool),
    // Positions of the two stores look alike; one checkpoint per store keeps them apart.
    checkpointName: `relay:${env.topic}:${eventStoreKind()}`,
    onError: (error) => console.error('relay: batch failed, retrying', error),
  });
  const metrics = await serveMetricsFromEnv();
  console.log(`relay: publishing to ${env.topic}`);
  stopOnSignal(async () => {
    await relay.stop();
    await metrics?.close();
    await publisher.disconnect();
    await pool.end();
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
