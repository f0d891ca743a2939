import type { SentMessage } from '@naxio/telnyx-sandbox';
import { leadStreamId } from '@naxio/infra';
import { generateLoad, type LoadReport } from '../lib/load-generator';
import { sampleDatabaseWaits } from './samplers';
import { eventCounts, stageBreakdown } from './stages';
import type { StormSystem } from './storm-system';
import { tapLeadTopic } from './topic-tap';
import { signedMissedCall, stormCaller, type WebhookPost } from './webhooks';

export type StormOptions = { calls: number; rate: number; drainTimeoutMs: number; brokers: string[]; topic: string; databaseUrl: string; warmupCalls: number };

/** A second text would come soon after the first: this long after the last, duplicates have shown. */
const DUPLICATE_GRACE_MS = 3000;
/** Sends the generator has on the wire at most; Telnyx's senders open many connections too. */
const CONNECTIONS = 1024;
const WARMUP_RATE = 20;

async function waitForTexts(system: StormSystem, callers: ReadonlySet<string>, deadline: number): Promise<void> {
  const texted = new Set<string>();
  let seen = 0;
  while (Date.now() < deadline && texted.size < callers.size) {
    const sent = system.sandboxes.telnyx.sentMessages();
    for (const message of sent.slice(seen)) if (callers.has(message.to)) texted.add(message.to);
    seen = sent.length;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** One caller per lead, spread over every tenant number; callers from `first` on. */
function stormCallers(system: StormSystem, first: number, count: number) {
  const tenantPhones = system.tenants.flatMap((t) => t.phoneNumbers.map((phone) => ({ phone, tenantId: t.id })));
  return Array.from({ length: count }, (_, i) => ({ caller: stormCaller(first + i), ...tenantPhones[i % tenantPhones.length]! }));
}

/** Offers signed missed calls open loop from a load process of its own; one post per caller, in order. */
async function offer(system: StormSystem, callers: readonly { caller: string; phone: string }[], rate: number): Promise<{ posts: WebhookPost[]; report: LoadReport }> {
  const voiceUrl = `${system.ingressUrl}/webhooks/telnyx/voice`;
  const requests = callers.map((c) => signedMissedCall(system.sandboxes.telnyx, c.caller, c.phone, voiceUrl));
  const report = await generateLoad({ baseUrl: system.ingressUrl, requests, ratePerSecond: rate, count: requests.length, maxConnections: CONNECTIONS, timeoutMs: 30_000 });
  const posts = callers.map((c, i) => ({ caller: c.caller, status: report.status[i]!, sentAt: report.sentAtMs[i]!, ackedAt: report.sentAtMs[i]! + report.latencyMs[i]! }));
  return { posts, report };
}

/**
 * Warms the processes up with a few calls at a gentle rate (a process that just started is slow for
 * its first seconds, and consumers may still be joining), then posts the storm open-loop, waits
 * (bounded) for every lead's text, and reads back what each stage left behind while the system is up.
 */
export async function runStorm(system: StormSystem, options: StormOptions) {
  const { telnyx } = system.sandboxes;
  if (options.warmupCalls > 0) {
    const warmup = stormCallers(system, options.calls, options.warmupCalls);
    const warm = await offer(system, warmup, WARMUP_RATE);
    await waitForTexts(system, new Set(warmup.map((c) => c.caller)), Math.max(...warm.posts.map((p) => p.ackedAt)) + options.drainTimeoutMs);
  }
  const tap = await tapLeadTopic(options.brokers, options.topic);
  const callers = stormCallers(system, 0, options.calls);
  const leadOf = new Map(callers.map((c) => [c.caller, leadStreamId(c.tenantId, c.caller)]));

  const waits = await sampleDatabaseWaits(options.databaseUrl);
  const meter = system.meter();
  const began = Date.now();
  const { posts: postList, report } = await offer(system, callers, options.rate);
  const lastSentAt = Math.max(...postList.map((p) => p.sentAt));
  // A webhook that got no 200 was not taken (Telnyx would send it again): only those taken are owed a text.
  await waitForTexts(system, new Set(postList.filter((p) => p.status === 200).map((p) => p.caller)), lastSentAt + options.drainTimeoutMs);
  const busyWallMs = Date.now() - began;
  const processes = meter.stop();
  await new Promise((r) => setTimeout(r, DUPLICATE_GRACE_MS));
  const databaseWaits = await waits.stop();

  const posts = new Map(postList.map((p) => [p.caller, p]));
  const texts = telnyx.sentMessages().filter((m) => leadOf.has(m.to));
  const textsPer = new Map<string, SentMessage[]>();
  for (const m of texts) textsPer.set(m.to, [...(textsPer.get(m.to) ?? []), m]);
  const firstText = new Map([...textsPer].map(([to, list]) => [to, list[0]!]));
  const stages = await stageBreakdown(system.pool, posts, leadOf, tap.callMissed, firstText);
  const counts = await eventCounts(system.pool, [...leadOf.values()]);
  await tap.stop();
  const sample = tap.callMissed.values().next().value;
  return {
    report, posts, texts, firstText, stages, counts, databaseWaits, processes, busyWallMs,
    leadsWithoutText: callers.filter((c) => !textsPer.has(c.caller)).length,
    leadsWithSeveralTexts: [...textsPer.values()].filter((list) => list.length > 1).length,
    messageShape: sample ? { valueBytes: sample.valueBytes, keyBytes: sample.keyBytes, headers: sample.headers } : undefined,
  };
}

export type StormRun = Awaited<ReturnType<typeof runStorm>>;
