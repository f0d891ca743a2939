import { randomUUID } from 'node:crypto';
import type { StoredEvent } from '@naxio/domain';
import { concealEvents, createKafka, eventually, isSealed, KafkaEventPublisher, PostgresLeadKeyStore, saveTenants } from '@naxio/infra';
import { createEventCodec } from '@naxio/schemas';
import { freshTopic, kafkaBrokers } from '../../test/support/kafka';
import { freshDatabase, type TestDatabase } from '../../test/support/postgres';
import { peakComfort } from '../../test/support/tenants';
import { dailyFunnel } from './daily-funnel/daily-funnel';
import { leadSummary } from './lead-summary/lead-summary';
import type { Projection } from './projection';
import { type MessageOutcome, type RunningProjection, startProjection } from './runner';
import { textBackLatency } from './text-back-latency/text-back-latency';
import { LeadStory, storedInTimeOrder } from './testing/lead-story';
import { tableRows } from './testing/project-events';

const codec = createEventCodec();
const kafka = createKafka('projection-runner-spec', kafkaBrokers());
let db: TestDatabase;
let publisher: KafkaEventPublisher;
let topic: string;
const running: RunningProjection[] = [];

beforeAll(async () => {
  db = await freshDatabase('projection_runner');
  await saveTenants(db.pool, [peakComfort()]);
  topic = await freshTopic('projections');
  publisher = new KafkaEventPublisher(kafka, topic, codec);
  await publisher.connect();
});
afterAll(async () => {
  await Promise.all(running.map((r) => r.stop()));
  await publisher.disconnect();
  await db.close();
});

const stories = Array.from({ length: 8 }, (_, i) => {
  const lead = new LeadStory({ tenantId: 'peak-comfort', callerPhone: `+151255580${String(i).padStart(2, '0')}`, start: new Date(Date.UTC(2026, 10, 12, 14, i)) });
  lead.missed().texted();
  if (i % 2 === 0) lead.missed(20000).replied().qualified();
  if (i % 4 === 0) lead.booked();
  return lead;
});
const history: StoredEvent[] = storedInTimeOrder(stories);

async function run(projection: Projection, groupId?: string, resumeFromRecordedOffsets?: boolean) {
  const seen: MessageOutcome[] = [];
  const onMessage = (m: MessageOutcome) => void seen.push(m);
  const runner = await startProjection({ kafka, topic, pool: db.pool, codec, projection, groupId, resumeFromRecordedOffsets, onMessage });
  running.push(runner);
  return { seen, runner };
}

const snapshot = async () => ({
  summary: await tableRows(db.pool, 'lead_summary', 'lead_id'),
  funnel: await tableRows(db.pool, 'daily_funnel', 'tenant_id, day, trade, stage'),
  latency: await tableRows(db.pool, 'text_back_latency', 'lead_id'),
});

const waitFor = (seen: MessageOutcome[], count: number, what: string) =>
  eventually(() => (seen.length >= count ? true : undefined), 30000, what);

describe('projection runner', () => {
  it('applies every event once; a republished batch and a fresh group reading from offset 0 change nothing', async () => {
    await publisher.publish(history.slice(0, 20));
    // A relay retry inside one send: the same events twice in one batch, so in one applied page.
    const retried = history.slice(-5);
    await publisher.publish([...history.slice(20), ...retried]);
    const live = await Promise.all([leadSummary, dailyFunnel, textBackLatency].map((p) => run(p)));
    for (const { seen } of live) await waitFor(seen, history.length + retried.length, 'the live groups to consume the history');
    for (const { seen } of live) expect(seen.filter((m) => m.applied).map((m) => m.position).sort()).toEqual(history.map((e) => e.position).sort());

    const before = await snapshot();
    const calls = Object.fromEntries(stories.map((s) => [s.streamId, s.events.filter((e) => e.type === 'CallMissed').length]));
    expect(Object.fromEntries(before.summary.map((r) => [r.lead_id, r.call_count]))).toEqual(calls);
    const missed = before.funnel.filter((r) => r.stage === 'missed').reduce((sum, r) => sum + Number(r.leads), 0);
    expect(missed).toBe(stories.length);

    // The relay crashed after the broker took its last batch and published it again.
    const republished = history.slice(-12);
    await publisher.publish(republished);
    for (const { seen } of live) await waitFor(seen, history.length + retried.length + republished.length, 'the republished batch');
    for (const { seen } of live) expect(seen.slice(history.length + retried.length).some((m) => m.applied)).toBe(false);

    const fresh = await Promise.all([leadSummary, dailyFunnel, textBackLatency].map((p) => run(p, `fresh-${randomUUID()}`, false)));
    for (const { seen } of fresh) await waitFor(seen, history.length + retried.length + republished.length, 'a fresh group to read from offset 0');
    for (const { seen } of fresh) expect(seen.some((m) => m.applied)).toBe(false);
    expect(await snapshot()).toEqual(before);
    await Promise.all(running.splice(0).map((r) => r.stop()));
  });

  it('restarts each partition at the offset after the last one it recorded', async () => {
    const group = `restart-${randomUUID()}`;
    const later = (tx: number) => storedInTimeOrder(stories.map((s) => s.missed(3600000))).slice(-stories.length).map((e, i) => ({ ...e, position: `${tx}:${i + 1}` }));
    const first = await run(leadSummary, group);
    const batchA = later(9000);
    await publisher.publish(batchA);
    await waitFor(first.seen, batchA.length, 'the first run');
    await first.runner.stop();
    const { rows } = await db.pool.query<{ partition: number; kafka_offset: number }>(
      'SELECT partition, kafka_offset FROM projection_offsets WHERE projection = $1 AND topic = $2',
      [leadSummary.name, topic],
    );

    const batchB = later(9100);
    await publisher.publish(batchB);
    const second = await run(leadSummary, group);
    await waitFor(second.seen, batchB.length, 'the restarted group');
    const firstOffsetSeen = new Map<number, number>();
    for (const m of second.seen) if (!firstOffsetSeen.has(m.partition)) firstOffsetSeen.set(m.partition, Number(m.offset));
    for (const [partition, offset] of firstOffsetSeen) expect(offset).toBe(rows.find((r) => r.partition === partition)!.kafka_offset + 1);
    expect([first.seen, second.seen].map((seen) => seen.every((m) => m.applied))).toEqual([true, true]);
    expect(second.seen).toHaveLength(batchB.length);
    const counts = await db.pool.query<{ lead_id: string; call_count: number }>('SELECT lead_id, call_count FROM lead_summary');
    for (const s of stories) expect(counts.rows.find((r) => r.lead_id === s.streamId)!.call_count).toBe(s.events.filter((e) => e.type === 'CallMissed').length);
  });

  it('opens the personal fields its projection reads, a page at a time, with the lead keys', async () => {
    const keys = new PostgresLeadKeyStore(db.pool);
    const sealedTopic = await freshTopic('projections-sealed');
    const lead = new LeadStory({ tenantId: 'peak-comfort', callerPhone: '+15125559911', start: new Date(Date.UTC(2026, 10, 12, 18)) }).missed().texted();
    const concealed = await concealEvents(keys, lead.streamId, lead.events);
    const stored = concealed.map((e, i) => ({ ...e, streamVersion: i, position: `9500:${i + 1}`, recordedAt: e.metadata.occurredAt }) as StoredEvent);
    expect(isSealed((stored[0]!.data as { callerPhone: string }).callerPhone)).toBe(true);
    const sealedPublisher = new KafkaEventPublisher(kafka, sealedTopic, codec);
    await sealedPublisher.connect();
    await sealedPublisher.publish(stored);
    await sealedPublisher.disconnect();

    const seen: MessageOutcome[] = [];
    running.push(await startProjection({ kafka, topic: sealedTopic, pool: db.pool, codec, projection: leadSummary, keys, onMessage: (m) => void seen.push(m) }));
    await waitFor(seen, stored.length, 'the sealed lead');
    const { rows } = await db.pool.query<{ caller_phone: string }>('SELECT caller_phone FROM lead_summary WHERE lead_id = $1', [lead.streamId]);
    expect(rows).toEqual([{ caller_phone: '+15125559911' }]);
  });
});
