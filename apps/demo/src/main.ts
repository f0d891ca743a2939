import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createKafka, dropDatabase, leadStreamId, runtimeEnv } from '@naxio/infra';
import type { PlacedCall } from '@naxio/telnyx-sandbox';
import { startLocalSystem } from './local-system';
import { demoCalls, percentile } from './scenario';
import { printHistory, printSummary, say } from './report';

// `npm run demo [-- --calls N] [-- --json]`: the loop on local sandboxes, for a contractor to watch.
const ROOT = join(__dirname, '..', '..', '..');
const args = process.argv.slice(2);
const json = args.includes('--json');
const callsArg = args.indexOf('--calls');
const callCount = callsArg >= 0 ? Number(args[callsArg + 1]) : 12;

async function main() {
  if (!Number.isInteger(callCount) || callCount < 1 || callCount > 500) throw new Error('--calls takes a whole number from 1 to 500');
  if (!process.env.KAFKA_BROKERS) execFileSync('bash', [join(ROOT, 'infra', 'kafka', 'kafka.sh'), 'start'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const env = runtimeEnv({ ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/naxio_demo' });
  await dropDatabase(env.databaseUrl);
  const topic = `lead-events-demo-${Date.now()}`;
  const system = await startLocalSystem({ databaseUrl: env.databaseUrl, kafkaBrokers: env.kafkaBrokers, topic, tenantsFile: join(ROOT, 'infra', 'seed', 'tenants.json') });
  try {
    say(`Naxio demo: ${callCount} missed calls to ${system.tenants.map((t) => t.company).join(', ')}`);
    say(`  Telnyx sandbox ${system.sandbox.baseUrl} · ingress ${system.ingressUrl} · Kafka topic ${topic}\n`);
    const { calls, blocked } = demoCalls(system.tenants, callCount);
    for (const number of blocked) system.sandbox.blockRecipient(number);

    const firstCall = new Map<string, PlacedCall>();
    for (const call of calls) {
      const placed = await system.sandbox.ringOut({ from: call.caller, to: call.tenant.phoneNumbers[0]!, hangupCause: call.hangupCause });
      if (!firstCall.has(call.caller)) firstCall.set(call.caller, placed);
      say(`📞 ${call.caller} called ${call.tenant.company}: missed (${call.hangupCause})${call.note ? `, ${call.note}` : ''}`);
    }

    const expected = firstCall.size - blocked.length;
    const texts = await system.sandbox.waitForMessages(expected, { timeoutMs: 30_000 });
    const hangupSentAt = (placed: PlacedCall) =>
      system.sandbox.webhookDeliveries().find((d) => d.eventType === 'call.hangup' && d.attempt === 1 && placed.webhookIds.includes(d.id))!.sentAt;
    const latencyOf = new Map(texts.map((text) => [text, text.receivedAt - hangupSentAt(firstCall.get(text.to)!)]));
    const latencies = [...latencyOf.values()].sort((a, b) => a - b);
    say('');
    for (const text of texts) say(`💬 ${text.to} ← ${text.text}  [${latencyOf.get(text)} ms after the call ended]`);

    const sampleLead = leadStreamId(calls[1]!.tenant.id, calls[1]!.caller);
    await printHistory(system.store, sampleLead, 'TextSent');
    const summary = { calls: calls.length, leads: firstCall.size, textBacks: texts.length, optedOut: blocked.length, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
    printSummary(summary);
    if (json) console.log(JSON.stringify(summary));
  } finally {
    await system.stop();
    await deleteTopic(env.kafkaBrokers, topic);
  }
}

async function deleteTopic(brokers: string[], topic: string) {
  const admin = createKafka('naxio-demo', brokers).admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
