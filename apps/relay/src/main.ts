import {
  createKafka,
  createPool,
  ensureTopic,
  KafkaEventPublisher,
  migrate,
  PostgresCheckpointStore,
  PostgresEventStore,
  runtimeEnv,
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
    store: new PostgresEventStore(pool),
    publisher,
    checkpoints: new PostgresCheckpointStore(pool),
    onError: (error) => console.error('relay: batch failed, retrying', error),
  });
  console.log(`relay: publishing to ${env.topic}`);
  stopOnSignal(async () => {
    await relay.stop();
    await publisher.disconnect();
    await pool.end();
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
