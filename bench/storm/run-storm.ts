import type { SentMessage } from '@naxio/telnyx-sandbox';
import { leadStreamId } from '@naxio/infra';
import type { LocalSystem } from '@naxio/demo';
import { openLoop } from '../lib/open-loop';
import { cpuMeter, eventLoopDelayMeter } from '../lib/process-figures';
import { countQueries, startSamplers } from './samplers';
import { eventCounts, stageBreakdown } from './stages';
import { tapLeadTopic } from './topic-tap';
import { stormCaller, webhookPoster } from './webhooks';

/** Connections the whole system shares in its one process. */
export const STORM_POOL_SIZE = 40;

export type StormOptions = { calls: number; rate: number; drainTimeoutMs: number; brokers: string[]; topic: string; databaseUrl: string };

/** A second text would come soon after the first: this long after the last, duplicates have shown. */
const DUPLICATE_GRACE_MS = 3000;

async function waitForTexts(latest: () => SentMessage[], callers: Set<string>, deadline: number): Promise<void> {
  while (Date.now() < deadline && latest().filter((m) => callers.has(m.to)).length < callers.size) await new Promise((r) => setTimeout(r, 100));
}

/**
 * Posts the storm open-loop, waits (bounded) for every lead's text, and reads back what each stage
 * left behind while the system is still up. One caller per lead, spread over every tenant number.
 */
export async function runStorm(system: LocalSystem, options: StormOptions) {
  const { telnyx } = system.sandboxes;
  const tap = await tapLeadTopic(options.brokers, options.topic);
  const tenantPhones = system.tenants.flatMap((t) => t.phoneNumbers.map((phone) => ({ phone, tenantId: t.id })));
  const callers = Array.from({ length: options.calls }, (_, i) => ({ caller: stormCaller(i), ...tenantPhones[i % tenantPhones.length]! }));
  const leadOf = new Map(callers.map((c) => [c.caller, leadStreamId(c.tenantId, c.caller)]));

  const poster = webhookPoster(telnyx, `${system.ingressUrl}/webhooks/telnyx/voice`);
  const samplers = await startSamplers(system.pool, options.databaseUrl);
  const [cpu, loop, queries] = [cpuMeter(), eventLoopDelayMeter(), countQueries()];
  const run = await openLoop(options.calls, options.rate, (i) => poster.post(callers[i]!.caller, callers[i]!.phone));
  const lastSentAt = Math.max(...run.results.map((p) => p.sentAt));
  await waitForTexts(() => telnyx.sentMessages(), new Set(leadOf.keys()), lastSentAt + options.drainTimeoutMs);
  const [cpuUse, loopDelay, statements] = [cpu.stop(), loop.stop(), queries.stop()];
  await new Promise((r) => setTimeout(r, DUPLICATE_GRACE_MS));
  const diagnostics = await samplers.stop();
  poster.close();

  const posts = new Map(run.results.map((p) => [p.caller, p]));
  const texts = telnyx.sentMessages().filter((m) => leadOf.has(m.to));
  const textsPer = new Map<string, SentMessage[]>();
  for (const m of texts) textsPer.set(m.to, [...(textsPer.get(m.to) ?? []), m]);
  const firstText = new Map([...textsPer].map(([to, list]) => [to, list[0]!]));
  const stages = await stageBreakdown(system.pool, posts, leadOf, tap.callMissed, firstText);
  const counts = await eventCounts(system.pool);
  await tap.stop();
  const sample = tap.callMissed.values().next().value;
  return {
    run, posts, texts, firstText, stages, counts, diagnostics, cpuUse, loopDelay, statements,
    leadsWithoutText: callers.filter((c) => !textsPer.has(c.caller)).length,
    leadsWithSeveralTexts: [...textsPer.values()].filter((list) => list.length > 1).length,
    messageShape: sample ? { valueBytes: sample.valueBytes, keyBytes: sample.keyBytes, headers: sample.headers } : undefined,
  };
}

export type StormRun = Awaited<ReturnType<typeof runStorm>>;
