import { systemClock } from '@naxio/domain';
import {
  createKafka,
  createPool,
  createTelnyxClient,
  KafkaEventConsumer,
  PostgresEventStore,
  PostgresTenantDirectory,
  runtimeEnv,
  stopOnSignal,
  telnyxSettingsFromEnv,
  TelnyxSmsGateway,
} from '@naxio/infra';
import { createEventCodec } from '@naxio/schemas';
import { startTexter, TEXTER_GROUP } from './texter';

// Sends opening texts: DATABASE_URL, KAFKA_BROKERS, TELNYX_API_KEY, TELNYX_BASE_URL (optional),
// TELNYX_MESSAGING_PROFILE_ID, PUBLIC_WEBHOOK_URL (the ingress, for delivery receipts).
async function main() {
  const env = runtimeEnv();
  const pool = createPool(env.databaseUrl);
  const telnyx = telnyxSettingsFromEnv();
  const consumer = new KafkaEventConsumer(createKafka('naxio-texter', env.kafkaBrokers), TEXTER_GROUP, env.topic, createEventCodec(), (message, error) =>
    console.error(message, error),
  );
  await startTexter(consumer, {
    store: new PostgresEventStore(pool),
    tenants: new PostgresTenantDirectory(pool),
    sms: new TelnyxSmsGateway(createTelnyxClient(telnyx), telnyx.messagingProfileId),
    clock: systemClock,
    receiptBaseUrl: process.env.PUBLIC_WEBHOOK_URL,
  });
  console.log(`texter: consuming ${env.topic} as ${TEXTER_GROUP}`);
  stopOnSignal(async () => {
    await consumer.stop();
    await pool.end();
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
