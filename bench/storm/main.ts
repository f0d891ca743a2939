/**
 * A storm of missed calls through the whole pipeline: signed call.hangup webhooks posted open-loop at
 * a fixed rate from a load process of its own → ingress → event store → relay → Kafka → texter →
 * Telnyx sandbox, on a database and topic of its own; then raw Kafka and raw event-store anchors on
 * the same broker and database.
 *   npx tsx bench/storm/main.ts [--calls N] [--rate R] [--warmup N] [--drain-timeout S] [--profile DIR] [--tsx] [--one-process [--what-if-partitions P] [--what-if-append in-transaction|after-commit]]
 * By default every app runs as its own process, as deployed (deployed-system.ts): from its bundle
 * (dist/<app>.js, built first), or with `--tsx` from its TypeScript sources through tsx; `--one-process`
 * runs them all in this one (as the demo does) and adds its event-loop delay and a count of every SQL
 * statement sent; `--profile DIR` writes each app process's CPU profile there. Prints text-back
 * latency, throughput, ack latency, the exactly-one-text check, a per-stage breakdown, CPU and peak
 * RSS per process, the anchors and the ratios; the last line is one JSON object. Exits 1 when a lead got no text or more than one. The what-if flags measure
 * proposed changes (see what-if.ts); without them the system runs as shipped.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { dropDatabase } from '@naxio/infra';
import { appRuntimeOption } from '../lib/app-runtime';
import { flagOption, numberOption } from '../lib/cli';
import { benchDatabaseUrl } from '../lib/database';
import { printJsonLine } from '../lib/json-line';
import { deleteTopics, kafkaBrokers } from '../lib/kafka';
import { loadAverage } from '../lib/process-figures';
import { startDeployedSystem } from './deployed-system';
import { distribution, round } from '../lib/stats';
import { anchorTopic, kafkaProduceConsume, postgresAppends } from './anchors';
import { printStorm, type StormFigures } from './report';
import { runStorm, type StormRun } from './run-storm';
import { ONE_PROCESS_POOL_SIZE, startOneProcessSystem, type StormSystem } from './storm-system';
import { appendThroughCandidate, consumePartitionsConcurrently } from './what-if';
import type { NotifyMode } from '../lib/lean-append';

const calls = numberOption('--calls', 2000, { max: 20_000 });
const rate = numberOption('--rate', 200, { max: 5000 });
const drainTimeoutMs = numberOption('--drain-timeout', 180, { max: 600 }) * 1000;
const whatIfPartitions = numberOption('--what-if-partitions', 1, { max: 64 });
const whatIfAppend = appendOption();
const oneProcess = flagOption('--one-process');
const runtime = appRuntimeOption();
const warmupCalls = numberOption('--warmup', 100, { min: 0, max: 2000 });
const profileAt = process.argv.indexOf('--profile');
const profileDir = profileAt >= 0 ? process.argv[profileAt + 1] : undefined;
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
  // As many writers as webhooks were in flight at the peak, up to the one-process system's pool.
  const writers = Math.min(ONE_PROCESS_POOL_SIZE, Math.max(1, storm.report.peakInFlight));
  const appends = await postgresAppends(databaseUrl, writers, messages);
  return { valueBytes: shape.valueBytes, kafkaBatchedPerSecond: batched.messagesPerSecond, kafkaOneBySendPerSecond: oneBySend.messagesPerSecond, postgresWriters: writers, postgresAppendsPerSecond: appends.eventsPerSecond };
}

function figuresOf(storm: StormRun, system: StormSystem, anchors: StormFigures['anchors'], loadBefore: number): StormFigures {
  const problems = system.problems();
  const { report, texts, firstText, posts, processes } = storm;
  const postList = [...posts.values()];
  const firstSentAt = Math.min(...postList.map((p) => p.sentAt));
  const spanSeconds = (Math.max(...texts.map((m) => m.receivedAt)) - firstSentAt) / 1000;
  const storedEvents = Object.values(storm.counts).reduce((a, b) => a + b, 0);
  const textsPerSecond = round(firstText.size / spanSeconds, 1);
  const eventsPerSecond = round(storedEvents / spanSeconds, 1);
  const others = postList.filter((p) => p.status !== 200);
  const received = texts.map((m) => m.receivedAt).sort((a, b) => a - b);
  const whatIf = [whatIfPartitions > 1 ? `consumers handle ${whatIfPartitions} partitions at once` : '', whatIfAppend ? `appends through the 4-round-trip candidate, NOTIFY ${whatIfAppend}` : ''].filter(Boolean);
  const statements = processes.oneProcess?.sqlStatements;
  return {
    shape: system.shape, calls, rate, warmupCalls, sendSpanMs: round(report.spanMs, 0), generatorLagMs: distribution([...report.lagMs], 2), peakInFlight: report.peakInFlight,
    recorded: calls - others.length, firstOtherAnswer: others[0] && `${others[0].status} ${report.firstError ?? ''}`,
    ackMs: distribution(postList.map((p) => p.ackedAt - p.sentAt)), textBackMs: distribution([...firstText].map(([to, m]) => m.receivedAt - posts.get(to)!.sentAt)),
    textsPerSecond, storedEvents, eventsPerSecond, eventCounts: storm.counts,
    exactlyOneTextPerLead: storm.leadsWithoutText === 0 && storm.leadsWithSeveralTexts === 0, leadsTexted: firstText.size, leadsWithoutText: storm.leadsWithoutText, leadsWithSeveralTexts: storm.leadsWithSeveralTexts,
    stagesMs: storm.stages, smsGapMs: distribution(received.slice(1).map((at, i) => at - received[i]!)),
    busyWallMs: storm.busyWallMs, machineCores: processes.machineCores, processes: processes.byProcess, crashes: processes.crashes,
    oneProcess: processes.oneProcess && statements && {
      eventLoopDelayMs: processes.oneProcess.eventLoopDelayMs, sqlStatementsPerLead: round(statements.total / calls, 1),
      sqlPerLeadByKind: Object.fromEntries([...statements.byKind].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([kind, n]) => [kind, round(n / calls, 1)])),
    },
    dbActiveByWait: storm.databaseWaits.activeSessionsBySampleMean,
    loggedErrors: problems.length, firstLoggedError: problems[0]?.slice(0, 160), whatIf, anchors,
    ratios: {
      textsOverKafkaBatched: round(textsPerSecond / anchors.kafkaBatchedPerSecond, 4), textsOverKafkaOneBySend: round(textsPerSecond / anchors.kafkaOneBySendPerSecond, 4),
      textsOverPostgresAppends: round(textsPerSecond / anchors.postgresAppendsPerSecond, 4), eventsOverPostgresAppends: round(eventsPerSecond / anchors.postgresAppendsPerSecond, 4),
    },
    generator: report.generator, loadAverage: { before: loadBefore, after: loadAverage() },
  };
}

async function main() {
  if (!oneProcess && (whatIfPartitions > 1 || whatIfAppend)) throw new Error('the what-if flags patch classes in this process: use them with --one-process');
  if (oneProcess && flagOption('--tsx')) throw new Error('--tsx says how the app processes run: with --one-process there are none');
  const brokers = kafkaBrokers();
  const databaseUrl = benchDatabaseUrl('storm');
  const topic = `lead-events-storm-${randomBytes(4).toString('hex')}`;
  const topics = [topic];
  const loadBefore = loadAverage();
  const undoLean = whatIfAppend ? appendThroughCandidate(whatIfAppend) : () => undefined;
  const undoPartitions = whatIfPartitions > 1 ? consumePartitionsConcurrently(whatIfPartitions) : () => undefined;
  try {
    const where = { databaseUrl, brokers, topic, tenantsFile: join(ROOT, 'infra', 'seed', 'tenants.json') };
    const system = oneProcess ? await startOneProcessSystem(where) : await startDeployedSystem({ ...where, profileDir, runtime });
    undoPartitions();
    console.log(`storm bench (${system.shape}): ${calls} missed calls at ${rate}/s to the seed tenants' numbers after ${warmupCalls} to warm up; load average ${loadBefore}${whatIfPartitions > 1 || whatIfAppend ? ' [what-if run]' : ''}`);
    const storm = await runStorm(system, { calls, rate, drainTimeoutMs, brokers, topic, databaseUrl, warmupCalls }).finally(() => system.stop());
    undoLean();
    const storedEvents = Object.values(storm.counts).reduce((a, b) => a + b, 0);
    const figures = figuresOf(storm, system, await measureAnchors(storm, brokers, databaseUrl, topics, storedEvents), loadBefore);
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
