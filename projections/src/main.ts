import { cachedLeadKeys, createKafka, createPool, ensureTopic, migrate, runtimeEnv, stopOnSignal } from '@naxio/infra';
import { createEventCodec } from '@naxio/schemas';
import { allProjections } from './registry';
import { startProjection } from './runner';

// Keeps every read model up to date from Kafka: DATABASE_URL, KAFKA_BROKERS, LEAD_EVENTS_TOPIC.
// Any number may run side by side: each projection is one consumer group.
async function main() {
  const env = runtimeEnv();
  const pool = createPool(env.databaseUrl);
  await migrate(pool);
  const kafka = createKafka('naxio-projections', env.kafkaBrokers);
  await ensureTopic(kafka, env.topic);
  const codec = createEventCodec();
  const log = (message: string, error?: unknown) => console.error(`projections: ${message}`, error ?? '');
  // The bus carries personal fields sealed; read models store them opened, or erased after a forget.
  const keys = cachedLeadKeys(pool);
  const running = await Promise.all(allProjections.map((projection) => startProjection({ kafka, topic: env.topic, pool, codec, projection, log, keys })));
  console.log(`projections: ${running.map((r) => r.projection).join(', ')} consuming ${env.topic}`);
  stopOnSignal(async () => {
    await Promise.all(running.map((r) => r.stop()));
    await pool.end();
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
