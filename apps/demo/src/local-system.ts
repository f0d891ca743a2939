import type { Pool } from 'pg';
import { systemClock, type Tenant } from '@naxio/domain';
import {
  createKafka,
  createPool,
  createTelnyxClient,
  ensureDatabase,
  ensureTopic,
  KafkaEventConsumer,
  KafkaEventPublisher,
  migrate,
  PostgresCheckpointStore,
  PostgresEventStore,
  PostgresTenantDirectory,
  seedTenants,
  TelnyxSmsGateway,
} from '@naxio/infra';
import { buildIngress } from '@naxio/ingress';
import { startRelay } from '@naxio/relay';
import { createEventCodec } from '@naxio/schemas';
import { startTelnyxSandbox, type TelnyxSandbox } from '@naxio/telnyx-sandbox';
import { startTexter, TEXTER_GROUP } from '@naxio/texter';

export type LocalSystemOptions = {
  databaseUrl: string;
  kafkaBrokers: string[];
  topic: string;
  tenantsFile: string;
  log?: (message: string, error?: unknown) => void;
};

export type LocalSystem = {
  sandbox: TelnyxSandbox;
  store: PostgresEventStore;
  pool: Pool;
  tenants: Tenant[];
  ingressUrl: string;
  stop(): Promise<void>;
};

const SANDBOX_API_KEY = 'KEY_LOCAL_SANDBOX';

/**
 * Every Naxio process in one, wired exactly as the separate apps are, with the Telnyx sandbox in
 * place of Telnyx: the ingress listens on a real port, the relay and the texter talk through Kafka.
 */
export async function startLocalSystem(options: LocalSystemOptions): Promise<LocalSystem> {
  await ensureDatabase(options.databaseUrl);
  const pool = createPool(options.databaseUrl);
  await migrate(pool);
  const tenants = await seedTenants(pool, options.tenantsFile);

  const sandbox = await startTelnyxSandbox({
    apiKey: SANDBOX_API_KEY,
    ownedNumbers: tenants.flatMap((t) => t.phoneNumbers),
    profileDeliveryReceipts: false,
  });
  const telnyx = createTelnyxClient({ apiKey: SANDBOX_API_KEY, baseUrl: sandbox.baseUrl, publicKey: sandbox.publicKey });
  const store = new PostgresEventStore(pool);
  const directory = new PostgresTenantDirectory(pool);

  const ingress = await buildIngress({ store, tenants: directory, clock: systemClock, telnyx });
  const ingressUrl = await ingress.listen({ port: 0, host: '127.0.0.1' });
  sandbox.setWebhookUrls({ voice: `${ingressUrl}/webhooks/telnyx/voice`, messaging: `${ingressUrl}/webhooks/telnyx/messaging` });

  const kafka = createKafka('naxio-local', options.kafkaBrokers);
  await ensureTopic(kafka, options.topic);
  const codec = createEventCodec();
  const publisher = new KafkaEventPublisher(kafka, options.topic, codec);
  await publisher.connect();
  const relay = await startRelay({ store, publisher, checkpoints: new PostgresCheckpointStore(pool), checkpointName: `relay:${options.topic}`, onError: (e) => options.log?.('relay', e) });
  const consumer = new KafkaEventConsumer(kafka, `${TEXTER_GROUP}:${options.topic}`, options.topic, codec, options.log);
  await startTexter(consumer, { store, tenants: directory, sms: new TelnyxSmsGateway(telnyx), clock: systemClock, receiptBaseUrl: ingressUrl });

  return {
    sandbox,
    store,
    pool,
    tenants,
    ingressUrl,
    async stop() {
      await consumer.stop();
      await relay.stop();
      await publisher.disconnect();
      await ingress.close();
      await sandbox.close();
      await pool.end();
    },
  };
}
