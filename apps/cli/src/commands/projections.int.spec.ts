import type { StoredEvent } from '@naxio/domain';
import { createKafka, eventually, KafkaEventPublisher, PostgresCheckpointStore, PostgresEventStore, saveTenants } from '@naxio/infra';
import { allProjections, type RunningProjection, startProjection } from '@naxio/projections';
import { LeadStory } from '@naxio/projections/src/testing/lead-story';
import { tableRows } from '@naxio/projections/src/testing/project-events';
import { startRelay } from '@naxio/relay';
import { createEventCodec } from '@naxio/schemas';
import { freshTopic, kafkaBrokers } from '../../../../test/support/kafka';
import { freshDatabase, type TestDatabase } from '../../../../test/support/postgres';
import { peakComfort } from '../../../../test/support/tenants';
import { command } from './projections';

const codec = createEventCodec();
const kafka = createKafka('projections-command-spec', kafkaBrokers());
let db: TestDatabase;
let store: PostgresEventStore;
let topic: string;
let live: RunningProjection[] = [];
const stops: Array<() => Promise<void>> = [];
const databaseUrl = process.env.DATABASE_URL;

beforeAll(async () => {
  db = await freshDatabase('projections_rebuild');
  process.env.DATABASE_URL = db.url;
  await saveTenants(db.pool, [peakComfort(), peakComfort({ id: 'blue-river', trade: 'plumbing', timezone: 'America/Denver', phoneNumbers: ['+13035550100'] })]);
  store = new PostgresEventStore(db.pool);
  topic = await freshTopic('rebuild');
  const publisher = new KafkaEventPublisher(kafka, topic, codec);
  await publisher.connect();
  const relay = await startRelay({ store, publisher, checkpoints: new PostgresCheckpointStore(db.pool), checkpointName: `relay:${topic}` });
  await startLive();
  stops.push(() => relay.stop(), () => publisher.disconnect());
});
afterAll(async () => {
  await stopLive();
  for (const stop of stops) await stop();
  await db.close();
  process.env.DATABASE_URL = databaseUrl;
});

/** Per projection, the store position of every message its live group has consumed (applied or skipped). */
const consumed = new Map(allProjections.map((p) => [p.name, new Set<string>()]));
const startLive = async () => {
  live = await Promise.all(
    allProjections.map((projection) =>
      startProjection({ kafka, topic, pool: db.pool, codec, projection, onMessage: (m) => void consumed.get(projection.name)!.add(m.position) }),
    ),
  );
};
const stopLive = async () => void (await Promise.all(live.splice(0).map((r) => r.stop())));

let phone = 0;
function stories(count: number, start: Date): LeadStory[] {
  return Array.from({ length: count }, (_, i) => {
    const tenantId = i % 3 === 0 ? 'blue-river' : 'peak-comfort';
    const lead = new LeadStory({ tenantId, callerPhone: `+1512559${String(++phone).padStart(4, '0')}`, start: new Date(start.getTime() + i * 61000) });
    lead.missed().texted();
    if (i % 2 === 0) lead.replied().qualified({ serviceType: i % 4 === 0 ? 'plumbing' : 'hvac' });
    if (i % 4 === 0) lead.booked().synced();
    if (i % 5 === 0) lead.missed(5000).optedOut();
    return lead;
  });
}

/** Appends every story's events in the order they happened, interleaved across leads. */
async function append(leads: LeadStory[]): Promise<void> {
  const all = leads.flatMap((l) => l.events.map((event) => ({ event, lead: l }))).sort((a, b) => a.event.metadata.occurredAt.localeCompare(b.event.metadata.occurredAt));
  const stored = new Set((await store.readAll({ limit: 100000 })).map((e: StoredEvent) => e.metadata.eventId));
  for (const { event } of all) if (!stored.has(event.metadata.eventId)) await store.appendToStream(event.metadata.streamId, [event], 'any');
  // The global order shows only events below the oldest transaction running anywhere on the server.
  await eventually(async () => {
    const shown = new Set((await store.readAll({ limit: 100000 })).map((e: StoredEvent) => e.metadata.eventId));
    return all.every(({ event }) => shown.has(event.metadata.eventId)) ? true : undefined;
  }, 30000, 'the store to show every appended event');
}

/** Every live projection has consumed every event the store holds. */
async function liveCaughtUp(): Promise<void> {
  const positions = (await store.readAll({ limit: 100000 })).map((e) => e.position);
  const done = () => allProjections.every((p) => positions.every((position) => consumed.get(p.name)!.has(position)));
  await eventually(() => (done() ? true : undefined), 30000, `live projections to consume ${positions.length} events`);
}

const readModels = async () => ({
  lead_summary: await tableRows(db.pool, 'lead_summary', 'lead_id'),
  daily_funnel: await tableRows(db.pool, 'daily_funnel', 'tenant_id, day, trade, stage'),
  daily_funnel_leads: await tableRows(db.pool, 'daily_funnel_leads', 'lead_id'),
  text_back_latency: await tableRows(db.pool, 'text_back_latency', 'lead_id'),
});

async function rebuild(...names: string[]): Promise<{ code: number; stderr: string }> {
  const writes: string[] = [];
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => writes.push(String(chunk)) > 0);
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    return { code: await command.run(['rebuild', ...names]), stderr: writes.join('') };
  } finally {
    spy.mockRestore();
    log.mockRestore();
  }
}

describe('naxio projections rebuild', () => {
  const leads = stories(12, new Date('2026-11-14T15:00:00Z'));

  it('rebuilds from the event store exactly the tables the live projections built from Kafka', async () => {
    await append(leads);
    await liveCaughtUp();
    const live = await readModels();
    expect(live.lead_summary).toHaveLength(leads.length);

    const { code, stderr } = await rebuild();
    expect(code).toBe(0);
    expect(stderr).toMatch(/100%\s+\d+\/\d+ events\s+\d+ events\/s/);
    expect(await readModels()).toEqual(live);
  });

  it('hands over to live consumption exactly after the last replayed event: nothing twice, nothing lost', async () => {
    // The live projectors are down while more history arrives and the rebuild replays it.
    await stopLive();
    for (const lead of leads.slice(0, 6)) lead.missed(3600000).replied();
    const more = [...leads, ...stories(5, new Date('2026-11-15T15:00:00Z'))];
    await append(more);
    expect((await rebuild('lead_summary', 'daily_funnel', 'text_back_latency')).code).toBe(0);

    // Back up, they find on Kafka what the rebuild already applied, and then what came after it.
    for (const lead of leads.slice(6)) lead.missed(3600000).texted();
    const last = [...more, ...stories(3, new Date('2026-11-16T15:00:00Z'))];
    await append(last);
    await startLive();
    await liveCaughtUp();
    const afterHandover = await readModels();
    const calls = Object.fromEntries(last.map((l) => [l.streamId, l.events.filter((e) => e.type === 'CallMissed').length]));
    expect(Object.fromEntries(afterHandover.lead_summary.map((r) => [r.lead_id, r.call_count]))).toEqual(calls);

    expect((await rebuild()).code).toBe(0);
    expect(await readModels()).toEqual(afterHandover);
  });

  it('refuses a read model it does not know', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await command.run(['rebuild', 'no_such_model'])).toBe(2);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('no projection named "no_such_model"'));
    error.mockRestore();
  });
});
