/**
 * A storm of missed calls through the whole pipeline: signed call.hangup webhooks posted open-loop at
 * a fixed rate → ingress → event store → relay → Kafka → texter → Telnyx sandbox, on a database and
 * topic of its own, all in this process on loopback (startLocalSystem); then raw Kafka and raw
 * event-store anchors on the same broker and database.
 *   npx tsx bench/storm/main.ts [--calls N] [--rate R] [--drain-timeout S] [--what-if-partitions P] [--what-if-append in-transaction|after-commit]
 * Prints text-back latency, throughput, ack latency, the exactly-one-text check, a per-stage
 * breakdown, the anchors and the ratios, peak RSS; the last line is one JSON object. Exits 1 when a
 * lead got no text or more than one. The what-if flags measure proposed changes (consumers handling
 * P partitions at once; the 4-round-trip append candidate, notifying in the transaction or after
 * commit), see what-if.ts; without them the system runs as shipped.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { dropDatabase } from '@naxio/infra';
import { startLocalSystem } from '@naxio/demo';
import { numberOption } from '../lib/cli';
import { benchDatabaseUrl } from '../lib/database';
import { printJsonLine } from '../lib/json-line';
import { deleteTopics, kafkaBrokers } from '../lib/kafka';
import { loadAverage, peakRssMb } from '../lib/process-figures';
import { distribution, round } from '../lib/stats';
import { anchorTopic, kafkaProduceConsume, postgresAppends } from './anchors';
import { printStorm, type StormFigures } from './report';
import { runStorm, STORM_POOL_SIZE, type StormRun } from './run-storm';
import { appendThroughCandidate, consumePartitionsConcurrently } from './what-if';
import type { NotifyMode } from '../lib/lean-append';

const calls = numberOption('--calls', 2000, { max: 20_000 });
const rate = numberOption('--rate', 200, { max: 5000 });
const drainTimeoutMs = numberOption('--drain-timeout', 180, { max: 600 }) * 1000;
const whatIfPartitions = numberOption('--what-if-partitions', 1, { max: 64 });
const whatIfAppend = appendOption();
const ROOT = join(__dirname, '..', '..');
function appendOption(): NotifyMode | undefined {
  const i = process.argv.indexOf('--what-if-append');
  if (i < 0) return undefined;
  const mode = process.argv[i + 1];
  if (mode !== 'in-transaction' && mode !== 'after-commit') throw new Error('--what-if-append takes in-transaction or after-commit');
  return mode;
}
/** Enough messages or appends for a steady rate, few enough that the slower anchors take seconds. */
const ANCHOR_EVENTS_CAP = 3000;

async function measureAnchors(storm: StormRun, brokers: string[], databaseUrl: string, topics: string[], storedEvents: number) {
  const shape = storm.messageShape;
  if (!shape) throw new Error('no CallMissed reached the topic: nothing to size the Kafka anchor on');
  const [batchedTopic, oneBySendTopic] = [anchorTopic(), anchorTopic()];
  topics.push(batchedTopic, oneBySendTopic);
  const messages = Math.min(storedEvents, ANCHOR_EVENTS_CAP);
  const batched = await kafkaProduceConsume(brokers, batchedTopic, shape, messages, 100);
  const oneBySend = await kafkaProduceConsume(brokers, oneBySendTopic, shape, messages, 1);
  // As many writers as webhooks were in flight at the peak, up to the system's pool.
  const writers = Math.min(STORM_POOL_SIZE, Math.max(1, storm.run.peakInFlight));
  const appends = await postgresAppends(databaseUrl, writers, messages);
  return { valueBytes: shape.valueBytes, kafkaBatchedPerSecond: batched.messagesPerSecond, kafkaOneBySendPerSecond: oneBySend.messagesPerSecond, postgresWriters: writers, postgresAppendsPerSecond: appends.eventsPerSecond };
}

function figuresOf(storm: StormRun, anchors: StormFigures['anchors'], problems: string[], loadBefore: number): StormFigures {
  const { run, texts, firstText, posts } = storm;
  const firstSentAt = Math.min(...run.results.map((p) => p.sentAt));
  const spanSeconds = (Math.max(...texts.map((m) => m.receivedAt)) - firstSentAt) / 1000;
  const storedEvents = Object.values(storm.counts).reduce((a, b) => a + b, 0);
  const textsPerSecond = round(firstText.size / spanSeconds, 1);
  const eventsPerSecond = round(storedEvents / spanSeconds, 1);
  const others = run.results.filter((p) => p.status !== 200 || !p.answer.includes('"recorded"'));
  const received = texts.map((m) => m.receivedAt).sort((a, b) => a - b);
  const whatIf = [whatIfPartitions > 1 ? `consumers handle ${whatIfPartitions} partitions at once` : '', whatIfAppend ? `appends through the 4-round-trip candidate, NOTIFY ${whatIfAppend}` : ''].filter(Boolean);
  return {
    calls, rate, sendSpanMs: round(run.sendSpanMs, 0), generatorLagMs: distribution(run.lagMs, 2), peakInFlight: run.peakInFlight,
    recorded: calls - others.length, firstOtherAnswer: others[0] && `${others[0].status} ${others[0].answer.slice(0, 120)}`,
    ackMs: distribution(run.results.map((p) => p.ackedAt - p.sentAt)), textBackMs: distribution([...firstText].map(([to, m]) => m.receivedAt - posts.get(to)!.sentAt)),
    textsPerSecond, storedEvents, eventsPerSecond, eventCounts: storm.counts,
    exactlyOneTextPerLead: storm.leadsWithoutText === 0 && storm.leadsWithSeveralTexts === 0, leadsTexted: firstText.size, leadsWithoutText: storm.leadsWithoutText, leadsWithSeveralTexts: storm.leadsWithSeveralTexts,
    stagesMs: storm.stages, smsGapMs: distribution(received.slice(1).map((at, i) => at - received[i]!)),
    cpuCores: storm.cpuUse.cpuCores, busyWallMs: storm.cpuUse.wallMs, sqlStatements: storm.statements.total, sqlStatementsPerLead: round(storm.statements.total / calls, 1),
    sqlPerLeadByKind: Object.fromEntries([...storm.statements.byKind].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([kind, n]) => [kind, round(n / calls, 1)])), eventLoopDelayMs: storm.loopDelay, poolWaiting: storm.diagnostics.poolWaiting, dbActiveByWait: storm.diagnostics.activeSessionsBySampleMean,
    loggedErrors: problems.length, firstLoggedError: problems[0]?.slice(0, 160), whatIf, anchors,
    ratios: {
      textsOverKafkaBatched: round(textsPerSecond / anchors.kafkaBatchedPerSecond, 4), textsOverKafkaOneBySend: round(textsPerSecond / anchors.kafkaOneBySendPerSecond, 4),
      textsOverPostgresAppends: round(textsPerSecond / anchors.postgresAppendsPerSecond, 4), eventsOverPostgresAppends: round(eventsPerSecond / anchors.postgresAppendsPerSecond, 4),
    },
    peakRssMb: peakRssMb(), loadAverage: { before: loadBefore, after: loadAverage() },
  };
}

async function main() {
  const brokers = kafkaBrokers();
  const databaseUrl = benchDatabaseUrl('storm');
  const topic = `lead-events-storm-${randomBytes(4).toString('hex')}`;
  const topics = [topic];
  const problems: string[] = [];
  const loadBefore = loadAverage();
  const undoLean = whatIfAppend ? appendThroughCandidate(whatIfAppend) : () => undefined;
  const undoPartitions = whatIfPartitions > 1 ? consumePartitionsConcurrently(whatIfPartitions) : () => undefined;
  try {
    const system = await startLocalSystem({ databaseUrl, kafkaBrokers: brokers, topic, tenantsFile: join(ROOT, 'infra', 'seed', 'tenants.json'), log: (m) => problems.push(m), poolSize: STORM_POOL_SIZE });
    undoPartitions();
    console.log(`storm bench: ${calls} missed calls at ${rate}/s to the seed tenants' numbers; load average ${loadBefore}${whatIfPartitions > 1 || whatIfAppend ? ' [what-if run]' : ''}`);
    const storm = await runStorm(system, { calls, rate, drainTimeoutMs, brokers, topic, databaseUrl }).finally(() => system.stop());
    undoLean();
    const storedEvents = Object.values(storm.counts).reduce((a, b) => a + b, 0);
    const figures = figuresOf(storm, await measureAnchors(storm, brokers, databaseUrl, topics, storedEvents), problems, loadBefore);
    printStorm(figures);
    printJsonLine({ bench: 'storm', ...figures });
    if (!figures.exactlyOneTextPerLead) process.exitCode = 1;
  } finally {
    undoPartitions();
    undoLean();
    await dropDatabase(databaseUrl).catch(() => undefined);
    await deleteTopics(brokers, topics);
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
