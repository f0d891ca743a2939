import { randomUUID } from 'node:crypto';
import { type LeadCommand, leadDecider, ManualClock, type StoredEvent } from '@naxio/domain';
import {
  createKafka,
  createTelnyxClient,
  eventually,
  handleCommand,
  InMemoryTenantDirectory,
  KafkaEventConsumer,
  KafkaEventPublisher,
  leadStreamId,
  PostgresCheckpointStore,
  PostgresEventStore,
  TelnyxSmsGateway,
} from '@naxio/infra';
import { startRelay } from '@naxio/relay';
import { createEventCodec } from '@naxio/schemas';
import { startTelnyxSandbox, type TelnyxSandbox } from '@naxio/telnyx-sandbox';
import { sendOpeningText } from '@naxio/texter';
import { freshDatabase, type TestDatabase } from '../../../test/support/postgres';
import { freshTopic, kafkaBrokers } from '../../../test/support/kafka';
import { alwaysOpen, peakComfort } from '../../../test/support/tenants';
import type { SchedulerDeps } from './fire-timer';
import { type Scheduler, startScheduler } from './scheduler';
import { indexTimerEvent } from './timer-index';

// Peak Comfort in Austin; a Texas caller (512) and a Florida one (305) for quiet hours.
const TENANT_PHONE = '+15125550100';
const tenant = peakComfort({ businessHours: alwaysOpen });
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

let db: TestDatabase;
let store: PostgresEventStore;
let sandbox: TelnyxSandbox;
let stopPipeline: () => Promise<void>;
let deps: SchedulerDeps;
const clock = new ManualClock('2026-12-01T16:00:00.000Z'); // Tuesday 10:00 in Austin

beforeAll(async () => {
  db = await freshDatabase('follow_ups');
  store = new PostgresEventStore(db.pool);
  sandbox = await startTelnyxSandbox({ apiKey: 'KEY_F', profileDeliveryReceipts: false });
  const sms = new TelnyxSmsGateway(createTelnyxClient({ apiKey: 'KEY_F', baseUrl: sandbox.baseUrl }));
  deps = { store, sms, pool: db.pool, tenants: new InMemoryTenantDirectory([tenant]), clock };

  // The timer index is fed the way it is in production: store → relay → Kafka → consumer group.
  const topic = await freshTopic('follow-ups');
  const kafka = createKafka('follow-ups-test', kafkaBrokers());
  const codec = createEventCodec();
  const publisher = new KafkaEventPublisher(kafka, topic, codec);
  await publisher.connect();
  const relay = await startRelay({ store, publisher, checkpoints: new PostgresCheckpointStore(db.pool), checkpointName: `relay:${topic}` });
  const consumer = new KafkaEventConsumer(kafka, `timers:${topic}`, topic, codec);
  await consumer.start(async (event) => {
    await indexTimerEvent(db.pool, event);
    indexed.add(event.metadata.eventId);
  });
  stopPipeline = async () => {
    await consumer.stop();
    await relay.stop();
    await publisher.disconnect();
  };
});
afterAll(async () => {
  await stopPipeline();
  await sandbox.close();
  await db.close();
});

/** Event ids the timer index has taken in, so a pass can wait for the index to catch up first. */
const indexed = new Set<string>();

const textsTo = (caller: string) => sandbox.sentMessages().filter((m) => m.to === caller);
const timersOf = async (leadId: string) =>
  (await db.pool.query<{ step: number; due_at: Date }>('SELECT step, due_at FROM follow_up_timers WHERE lead_id = $1 ORDER BY step', [leadId])).rows;

/** A missed call from `caller` at the clock's time, and its opening text (which schedules the steps). */
async function missedCallFrom(caller: string): Promise<string> {
  const leadId = leadStreamId(tenant.id, caller);
  const command: LeadCommand = { type: 'RecordMissedCall', data: { callSessionId: randomUUID(), callerPhone: caller, tenantPhone: TENANT_PHONE, reason: 'timeout', calledAt: clock.now().toISOString() } };
  await handleCommand(store, leadDecider, leadId, command, { tenantId: tenant.id, now: clock.now(), correlationId: 'test', causationId: null });
  const call = (await store.readStream(leadId)).events[0] as StoredEvent;
  await sendOpeningText({ ...deps, clock }, call);
  await eventually(async () => ((await timersOf(leadId)).length === 4 ? true : undefined), 15000, 'four timers');
  return leadId;
}

/**
 * Moves the clock to `at` and runs one pass of `scheduler`, once the timer index has taken in every
 * stored event: in production a pass that finds a row locked by the index simply comes round again a
 * second later, but a spec runs a single pass.
 */
async function runAt(scheduler: Scheduler, at: number) {
  const tail = (await db.pool.query<{ event_id: string }>('SELECT event_id FROM events ORDER BY transaction_id DESC, position DESC LIMIT 1')).rows[0]?.event_id;
  if (tail) await eventually(() => (indexed.has(tail) ? true : undefined), 15000, 'the timer index to catch up');
  clock.set(new Date(at));
  await scheduler.tick();
}

const manual = () => startScheduler(deps, { intervalMs: 0 });

/** Each spec starts two weeks after the previous one, on a Tuesday at 10:00 in Austin (inside every window). */
let base = Date.parse('2027-01-05T16:00:00.000Z');
const nextStart = () => {
  base += 14 * DAY;
  clock.set(new Date(base));
  return base;
};
const stepsSent = (caller: string) => textsTo(caller).length - 1;

describe('follow-up sequence', () => {
  it('sends four follow-ups at 30 min, 24 h, 3 and 7 days when nobody replies, the last saying so', async () => {
    const start = nextStart();
    const caller = '+15125550301';
    const leadId = await missedCallFrom(caller);
    const scheduler = manual();
    await runAt(scheduler, start + 29 * MINUTE);
    expect(stepsSent(caller)).toBe(0);
    for (const [step, offset] of [[1, 30 * MINUTE], [2, DAY], [3, 3 * DAY], [4, 7 * DAY]] as const) {
      await runAt(scheduler, start + offset + 2000);
      expect(stepsSent(caller)).toBe(step);
    }
    expect(textsTo(caller).at(-1)!.text).toMatch(/^Last message from Peak Comfort HVAC/);
    const types = (await store.readStream(leadId)).events.map((e) => e.type);
    expect(types.filter((t) => t === 'FollowUpFired')).toHaveLength(4);
    await eventually(async () => ((await timersOf(leadId)).length === 0 ? true : undefined), 15000, 'no timers left');
  });

  it('stops the moment the lead replies, after step 2', async () => {
    const start = nextStart();
    const caller = '+15125550302';
    const leadId = await missedCallFrom(caller);
    const scheduler = manual();
    await runAt(scheduler, start + 30 * MINUTE + 2000);
    await runAt(scheduler, start + DAY + 2000);
    expect(stepsSent(caller)).toBe(2);
    const reply: LeadCommand = { type: 'RecordReply', data: { messageId: randomUUID(), callerPhone: caller, tenantPhone: TENANT_PHONE, text: 'yes please call me', receivedAt: clock.now().toISOString() } };
    await handleCommand(store, leadDecider, leadId, reply, { tenantId: tenant.id, now: clock.now(), correlationId: 'r', causationId: null });
    await eventually(async () => ((await timersOf(leadId)).length === 0 ? true : undefined), 15000, 'timers cancelled');
    await runAt(scheduler, start + 3 * DAY + 2000);
    await runAt(scheduler, start + 7 * DAY + 2000);
    expect(stepsSent(caller)).toBe(2);
  });
});

describe('follow-up sequence: stopping, concurrency and restarts', () => {
  it('stops when the lead opts out mid-sequence', async () => {
    const start = nextStart();
    const caller = '+15125550303';
    const leadId = await missedCallFrom(caller);
    const scheduler = manual();
    await runAt(scheduler, start + 30 * MINUTE + 2000);
    const stop: LeadCommand = { type: 'RecordReply', data: { messageId: randomUUID(), callerPhone: caller, tenantPhone: TENANT_PHONE, text: 'STOP', receivedAt: clock.now().toISOString() } };
    await handleCommand(store, leadDecider, leadId, stop, { tenantId: tenant.id, now: clock.now(), correlationId: 's', causationId: null });
    await runAt(scheduler, start + DAY + 2000);
    await runAt(scheduler, start + 7 * DAY + 2000);
    expect(stepsSent(caller)).toBe(1);
    const cancelled = (await store.readStream(leadId)).events.find((e) => e.type === 'FollowUpsCancelled');
    expect(cancelled?.data).toEqual({ reason: 'opted-out', steps: [2, 3, 4] });
  });

  it('sends each step once with two schedulers running side by side', async () => {
    const start = nextStart();
    const caller = '+15125550304';
    await missedCallFrom(caller);
    const [a, b] = [manual(), manual()];
    for (const offset of [30 * MINUTE, DAY, 3 * DAY, 7 * DAY]) {
      clock.set(new Date(start + offset + 2000));
      await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    }
    expect(stepsSent(caller)).toBe(4);
  });

  it('carries on after a restart mid-sequence', async () => {
    const start = nextStart();
    const caller = '+15125550305';
    await missedCallFrom(caller);
    const first = manual();
    await runAt(first, start + 30 * MINUTE + 2000);
    await first.stop();
    const second = manual();
    await runAt(second, start + DAY + 2000);
    await runAt(second, start + 3 * DAY + 2000);
    expect(stepsSent(caller)).toBe(3);
  });

  it('holds a Florida lead’s 20:30 follow-up until 8:00 their time', async () => {
    // 20:00 in Miami (UTC-5 in December); step 1 falls due at 20:30, after Florida's 20:00 cut-off.
    clock.set(new Date('2026-12-22T01:00:00.000Z'));
    const caller = '+13055550306';
    const leadId = await missedCallFrom(caller);
    const scheduler = manual();
    await runAt(scheduler, Date.parse('2026-12-22T01:30:02.000Z'));
    expect(stepsSent(caller)).toBe(0);
    const deferred = (await store.readStream(leadId)).events.find((e) => e.type === 'FollowUpDeferred');
    expect(deferred?.data).toEqual({ step: 1, until: '2026-12-22T13:00:00.000Z', reason: 'quiet-hours' });
    await runAt(scheduler, Date.parse('2026-12-22T12:59:00.000Z'));
    expect(stepsSent(caller)).toBe(0);
    await runAt(scheduler, Date.parse('2026-12-22T13:00:01.000Z'));
    expect(stepsSent(caller)).toBe(1);
  });

  it('after a three-day outage sends only the newest due step, then carries on', async () => {
    const start = nextStart();
    const caller = '+15125550307';
    const leadId = await missedCallFrom(caller);
    const scheduler = manual();
    await runAt(scheduler, start + 3 * DAY + HOUR);
    expect(stepsSent(caller)).toBe(1);
    expect(textsTo(caller).at(-1)!.text).toMatch(/Is your heating or cooling issue sorted/);
    const events = (await store.readStream(leadId)).events;
    expect(events.filter((e) => e.type === 'FollowUpSkipped').map((e) => e.data)).toEqual([
      { step: 1, reason: 'overtaken' },
      { step: 2, reason: 'overtaken' },
    ]);
    await runAt(scheduler, start + 7 * DAY + 2000);
    expect(stepsSent(caller)).toBe(2);
  });
});
