import type { Pool } from 'pg';
import { type Clock, type EventStore, type StoredEvent, systemClock, type Tenant, withRulesSafetyNet, rulesQualifier, templateCallScript, templateReplyWriter } from '@naxio/domain';
import {
  ClaudeCallScriptWriter,
  ClaudeQualifier,
  ClaudeReplyWriter,
  createKafka,
  createPool,
  createTelnyxClient,
  ensureDatabase,
  ensureTopic,
  KafkaEventConsumer,
  KafkaEventPublisher,
  migrate,
  PostgresCheckpointStore,
  PiiProtectingEventStore,
  PostgresEventStore,
  cachedLeadKeys,
  revealEvents,
  PostgresSlotReservations,
  PostgresTenantDirectory,
  seedTenants,
  TelnyxSmsGateway,
  TelnyxVoiceGateway,
  TelnyxWebhookVerifier,
} from '@naxio/infra';
import { bookFromReply, CALLBACK_TRIGGERS, type CallbackDeps, handleCallbackWebhook, SLOT_CHOICE_TRIGGERS, startCallback } from '@naxio/callback';
import { handleReply, REPLY_TRIGGERS } from '@naxio/conversation';
import { CRM_SYNC_TRIGGERS, syncBookedJob } from '@naxio/crm-sync';
import { alertOwner, OWNER_ALERT_TRIGGERS } from '@naxio/escalation';
import { buildIngress, LISTEN_BACKLOG } from '@naxio/ingress';
import { allProjections, startProjection } from '@naxio/projections';
import { startRelay } from '@naxio/relay';
import { indexTimerEvent, type Scheduler, startScheduler, TIMER_INDEX_TRIGGERS } from '@naxio/scheduler';
import { createEventCodec } from '@naxio/schemas';
import { OPENING_TEXT_TRIGGERS, sendOpeningText } from '@naxio/texter';
import { SANDBOX_KEYS, type Sandboxes, startSandboxes } from './local-sandboxes';

export type LocalSystemOptions = {
  databaseUrl: string;
  kafkaBrokers: string[];
  topic: string;
  tenantsFile: string;
  /** What every consumer takes as "now" (the webhook times still come from the sandbox). */
  clock?: Clock;
  /** The follow-up scheduler's clock: a manual one lets a run show a week of follow-ups. */
  schedulerClock?: Clock;
  claudeWritesReplies?: boolean;
  /** 0: the scheduler only runs when `scheduler.tick()` is called. */
  schedulerIntervalMs?: number;
  log?: (message: string, error?: unknown) => void;
  /** Connections for every process at once (default 20). */
  poolSize?: number;
};

export type LocalSystem = {
  sandboxes: Sandboxes;
  store: EventStore;
  pool: Pool;
  tenants: Tenant[];
  ingressUrl: string;
  scheduler: Scheduler;
  stop(): Promise<void>;
};

/**
 * Every Naxio process in one, wired exactly as the separate apps are, with local sandboxes in place
 * of Telnyx, Anthropic, Jobber and Housecall Pro: the ingress listens on a real port, the relay and
 * every consumer group talk through Kafka, the event store and read models live in PostgreSQL.
 */
export async function startLocalSystem(options: LocalSystemOptions): Promise<LocalSystem> {
  await ensureDatabase(options.databaseUrl);
  const pool = createPool(options.databaseUrl, options.poolSize ?? 20);
  await migrate(pool);
  const tenants = await seedTenants(pool, options.tenantsFile);
  const sandboxes = await startSandboxes(tenants);
  const telnyx = createTelnyxClient({ apiKey: SANDBOX_KEYS.telnyx, baseUrl: sandboxes.telnyx.baseUrl, publicKey: sandboxes.telnyx.publicKey });
  // Personal fields are sealed per lead on the way in; the bus carries them sealed, and every reader
  // opens them with the lead's key, so `naxio forget` erases them everywhere at once.
  const keys = cachedLeadKeys(pool);
  const sealedStore = new PostgresEventStore(pool);
  const store = new PiiProtectingEventStore(sealedStore, keys);
  const open = async (event: StoredEvent) => (await revealEvents(keys, [event]))[0]!;
  const directory = new PostgresTenantDirectory(pool);
  const sms = new TelnyxSmsGateway(telnyx);
  const voice = new TelnyxVoiceGateway(telnyx, sandboxes.telnyx.connectionId);
  const claude = { apiKey: SANDBOX_KEYS.anthropic, baseUrl: sandboxes.anthropic.baseUrl };

  const ingress = await buildIngress({ store, tenants: directory, clock: options.clock ?? systemClock, webhooks: new TelnyxWebhookVerifier(sandboxes.telnyx.publicKey), voice, callbackCalls: (webhook) => handleCallbackWebhook(callbackDeps, webhook) });
  const ingressUrl = await ingress.listen({ port: 0, host: '127.0.0.1', backlog: LISTEN_BACKLOG });
  sandboxes.telnyx.setWebhookUrls({ voice: `${ingressUrl}/webhooks/telnyx/voice`, messaging: `${ingressUrl}/webhooks/telnyx/messaging` });

  const send = { store, sms, receiptBaseUrl: ingressUrl };
  const clock = options.clock ?? systemClock;
  const base = { ...send, tenants: directory, clock, log: (m: string) => options.log?.(m) };
  const callbackDeps: CallbackDeps = {
    ...base,
    voice,
    reservations: new PostgresSlotReservations(pool),
    callScript: new ClaudeCallScriptWriter({ ...claude, fallback: templateCallScript }),
  };
  const conversation = {
    ...base,
    qualifier: withRulesSafetyNet(new ClaudeQualifier({ ...claude, fallback: rulesQualifier })),
    // The Anthropic sandbox imitates qualification well but cannot write a real reply, so a local run
    // answers with the templates; against Anthropic itself the Claude writer is used.
    replyWriter: options.claudeWritesReplies ? new ClaudeReplyWriter({ ...claude, fallback: templateReplyWriter }) : templateReplyWriter,
  };

  const kafka = createKafka('naxio-local', options.kafkaBrokers);
  await ensureTopic(kafka, options.topic);
  const codec = createEventCodec();
  const publisher = new KafkaEventPublisher(kafka, options.topic, codec);
  await publisher.connect();
  const relay = await startRelay({ store: sealedStore, publisher, checkpoints: new PostgresCheckpointStore(pool), checkpointName: `relay:${options.topic}`, onError: (e) => options.log?.('relay', e) });

  // One consumer group per reaction, as in production: each reads every event at its own pace and
  // handles the types it reacts to.
  const groups: Array<[string, readonly string[], (event: StoredEvent) => Promise<void>]> = [
    ['texter', OPENING_TEXT_TRIGGERS, (e) => sendOpeningText(base, e)],
    ['conversation', REPLY_TRIGGERS, (e) => handleReply(conversation, e)],
    ['escalation', OWNER_ALERT_TRIGGERS, (e) => alertOwner({ ...base, voice }, e)],
    ['callback', [...CALLBACK_TRIGGERS, ...SLOT_CHOICE_TRIGGERS], async (e) => (await startCallback(callbackDeps, e), await bookFromReply(callbackDeps, e))],
    ['crm-sync', CRM_SYNC_TRIGGERS, (e) => syncBookedJob({ ...base, crmFor: sandboxes.crmFor }, e)],
    ['scheduler-timers', TIMER_INDEX_TRIGGERS, (e) => indexTimerEvent(pool, e)],
  ];
  const consumers = await Promise.all(
    groups.map(async ([group, reactsTo, handle]) => {
      const consumer = new KafkaEventConsumer(kafka, `${group}:${options.topic}`, options.topic, codec, options.log);
      await consumer.start(async (event) => handle(await open(event)), reactsTo);
      return consumer;
    }),
  );
  const projections = await Promise.all(
    allProjections.map((projection) => startProjection({ kafka, topic: options.topic, pool, codec, projection, keys, log: options.log })),
  );
  const scheduler = startScheduler({ ...base, pool, clock: options.schedulerClock ?? clock }, { intervalMs: options.schedulerIntervalMs ?? 1000 });

  return {
    sandboxes,
    store,
    pool,
    tenants,
    ingressUrl,
    scheduler,
    async stop() {
      await scheduler.stop();
      await Promise.all([...consumers, ...projections].map((c) => c.stop()));
      await relay.stop();
      await publisher.disconnect();
      await ingress.close();
      await sandboxes.close();
      await pool.end();
    },
  };
}
