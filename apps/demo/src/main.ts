import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ManualClock } from '@naxio/domain';
import { createKafka, dropDatabase, runtimeEnv } from '@naxio/infra';
import type { PlacedCall } from '@naxio/telnyx-sandbox';
import { funnelFromStore } from './funnel';
import { startLocalSystem } from './local-system';
import { printConversation, printCrm, printSummary, type Reply, say } from './report';
import { demoCallers, percentile } from './scenario';
import { settle, simulateFollowUps } from './settle';
import { printTenantFunnels } from './tenant-report';

// `npm run demo [-- --calls N] [-- --json]`: the whole loop on local sandboxes, for a contractor to watch.
const ROOT = join(__dirname, '..', '..', '..');
const args = process.argv.slice(2);
const json = args.includes('--json');
const callsArg = args.indexOf('--calls');
const callerCount = callsArg >= 0 ? Number(args[callsArg + 1]) : 12;

async function main() {
  if (!Number.isInteger(callerCount) || callerCount < 1 || callerCount > 500) throw new Error('--calls takes a whole number from 1 to 500');
  if (!process.env.KAFKA_BROKERS) execFileSync('bash', [join(ROOT, 'infra', 'kafka', 'kafka.sh'), 'start'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const env = runtimeEnv({ ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/naxio_demo' });
  await dropDatabase(env.databaseUrl);
  const topic = `lead-events-demo-${Date.now()}`;
  const clock = new ManualClock(new Date());
  const system = await startLocalSystem({
    databaseUrl: env.databaseUrl, kafkaBrokers: env.kafkaBrokers, topic, tenantsFile: join(ROOT, 'infra', 'seed', 'tenants.json'), schedulerClock: clock, schedulerIntervalMs: 0,
  });
  const { telnyx } = system.sandboxes;
  try {
    const callers = demoCallers(system.tenants, callerCount);
    say(`Naxio demo: ${callers.length} callers to ${system.tenants.map((t) => t.company).join(', ')}\n`);
    for (const c of callers) {
      if (c.blockedBefore) telnyx.blockRecipient(c.caller);
      if (c.callee) telnyx.scriptCallee(c.caller, c.callee);
    }

    const firstCall = new Map<string, PlacedCall>();
    for (const c of callers) {
      for (const cause of c.calls) {
        const placed = await telnyx.ringOut({ from: c.caller, to: c.tenant.phoneNumbers[0]!, hangupCause: cause });
        if (!firstCall.has(c.caller)) firstCall.set(c.caller, placed);
      }
      say(`📞 ${c.caller} → ${c.tenant.company}: ${c.calls.length > 1 ? `${c.calls.length} missed calls` : `missed (${c.calls[0]})`}  [${c.story}]`);
    }
    const openings = await telnyx.waitForMessages(callers.filter((c) => !c.blockedBefore).length, { timeoutMs: 30_000 });
    const hangupAt = (placed: PlacedCall) => telnyx.webhookDeliveries().find((d) => d.eventType === 'call.hangup' && d.attempt === 1 && placed.webhookIds.includes(d.id))!.sentAt;
    const latencies = openings.map((m) => m.receivedAt - hangupAt(firstCall.get(m.to)!)).sort((a, b) => a - b);

    const replies: Reply[] = [];
    const text = async (c: (typeof callers)[number], body: string) => {
      replies.push({ caller: c.caller, text: body, at: Date.now() });
      await telnyx.sendInboundSms({ from: c.caller, to: c.tenant.phoneNumbers[0]!, text: body });
    };
    for (const c of callers.filter((c) => c.reply)) await text(c, c.reply!);
    await settle(system.pool);
    for (const c of callers.filter((c) => c.secondReply)) await text(c, c.secondReply!);
    await settle(system.pool);

    say('\n— A simulated week on the follow-up scheduler’s clock —');
    await simulateFollowUps(system, clock);

    for (const c of callers.filter((c) => c.story !== 'never answered: follow-ups' || c === callers.at(-1))) printConversation(system.sandboxes, c, replies);
    printCrm(system.sandboxes);
    await printTenantFunnels(system, firstCall.size);
    const funnel = await funnelFromStore(system.store);
    const summary = { calls: callers.reduce((n, c) => n + c.calls.length, 0), leads: firstCall.size, textBacks: openings.length, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), ...funnel };
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
