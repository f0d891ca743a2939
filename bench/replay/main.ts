import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent } from '@naxio/domain';
import { createPool, PostgresEventStore, PostgresLeadKeyStore, piiProtected, saveTenants } from '@naxio/infra';
import { allProjections, dataReadBy, postgresHistory, rebuildProjections, type StageTimes } from '@naxio/projections';
import { exampleEvents } from '@naxio/schemas';
import { tenantsFromJson } from '../../apps/cli/src/commands/qualify';
import tenantsJson from '../data/tenants.json';
import { numberOption } from '../lib/cli';
import { type BenchDatabase, openBenchDatabase } from '../lib/database';
import { printJsonLine } from '../lib/json-line';
import { cpuMeter, loadAverage, peakRssMb } from '../lib/process-figures';
import { round } from '../lib/stats';
import { readAlone, stageBreakdown } from './breakdown';
import { backendPid, cpuBetween, serverCpu } from './server-cpu';

// `npx tsx bench/replay/main.ts [--events N] [--page-size N] [--sealed]`: rebuilds every read model
// from N stored events (the figure is 1,000,000 in under 10 s). Each lead gets the common
// story: missed call, opening text, reply, qualification, follow-ups scheduled, a booking. --sealed
// stores personal fields sealed under lead keys, as the live system does, so the rebuild opens them.
// Prints where the rebuild's time went (wall, and CPU of this process and of PostgreSQL), then reads
// the history once more on its own: the floor for any rebuild.
const events = numberOption('--events', 200_000, { min: 1_000, max: 2_000_000 });
const pageSize = numberOption('--page-size', 20_000, { min: 100, max: 200_000 });
const sealed = process.argv.includes('--sealed');
const story = (['CallMissed', 'TextSendAttempted', 'TextSent', 'ReplyReceived', 'LeadQualified', 'FollowUpsScheduled', 'FollowUpsCancelled', 'CallbackBooked', 'JobSynced'] as const).map((t) => exampleEvents[t]);
const tenants = tenantsFromJson(tenantsJson).slice(0, 3);

async function storeHistory(into: EventStore, leads: number): Promise<void> {
  for (let first = 0; first < leads; first += 400) {
    await Promise.all(
      Array.from({ length: Math.min(400, leads - first) }, async (_, k) => {
        const i = first + k;
        const tenantId = tenants[i % tenants.length]!.id;
        const streamId = `lead-${tenantId}-${randomUUID()}`;
        const day = new Date(Date.UTC(2026, 10, 1 + (i % 28), 15)).toISOString();
        const batch: NewEvent[] = story.map((e) => ({
          type: e.type,
          data: e.type === 'CallMissed' ? { ...e.data, calledAt: day } : e.data,
          metadata: { eventId: randomUUID(), streamId, tenantId, occurredAt: day, correlationId: streamId, causationId: null },
        }));
        await into.appendToStream(streamId, batch, 'no_stream');
      }),
    );
  }
}

/** Rebuilds every read model of the bench database, with the CPU each process used on it. */
async function measuredRebuild(db: BenchDatabase) {
  // The history is read on a connection of its own, so the server's reading and writing CPU show apart.
  const reader = createPool(db.url, 1);
  try {
    const readerPid = await backendPid(reader);
    const stages: StageTimes = {};
    const serverBefore = await serverCpu(db.pool);
    const cpu = cpuMeter();
    const start = performance.now();
    const keys = new PostgresLeadKeyStore(db.pool);
    const result = await rebuildProjections({ pool: db.pool, store: postgresHistory(reader, stages), keys, projections: allProjections, pageSize, stages });
    const rebuildMs = performance.now() - start;
    const { cpuCores } = cpu.stop();
    const serverAfter = await serverCpu(db.pool);
    const readerMs = cpuBetween(serverBefore, serverAfter, new Set([readerPid])) * 1000;
    const used = { nodeMs: cpuCores * rebuildMs, readerMs, writersMs: cpuBetween(serverBefore, serverAfter) * 1000 - readerMs };
    const alone = await readAlone(postgresHistory(reader), pageSize, [...dataReadBy(allProjections).keys()]);
    return { replayed: result.replayed, rebuildMs, breakdown: stageBreakdown(stages, rebuildMs, used), alone };
  } finally {
    await reader.end();
  }
}

async function main() {
  const db = await openBenchDatabase('replay', 8);
  try {
    await saveTenants(db.pool, tenants);
    const loadStart = Date.now();
    const leads = Math.ceil(events / story.length);
    await storeHistory(sealed ? piiProtected(new PostgresEventStore(db.pool), db.pool) : new PostgresEventStore(db.pool), leads);
    console.log(`stored ${leads * story.length} events${sealed ? ' (personal fields sealed)' : ''} for ${leads} leads in ${((Date.now() - loadStart) / 1000).toFixed(1)} s`);

    const { replayed, rebuildMs, breakdown, alone } = await measuredRebuild(db);
    const rate = Math.round(replayed / (rebuildMs / 1000));
    console.log(`rebuilt ${allProjections.map((p) => p.name).join(', ')} from ${replayed} events in ${(rebuildMs / 1000).toFixed(2)} s (${rate} events/s, pages of ${pageSize})`);
    console.log(`at that rate 1,000,000 events take ${(1_000_000 / rate).toFixed(1)} s; peak RSS ${peakRssMb()} MB; load average ${loadAverage()}`);
    for (const line of breakdown.lines) console.log(line);
    console.log(`reading the history alone (no read-ahead, no projections): ${(alone.ms / 1000).toFixed(2)} s for ${alone.events} events`);
    printJsonLine({
      events: replayed,
      leads,
      sealed,
      pageSize,
      rebuildMs: round(rebuildMs, 0),
      eventsPerSecond: rate,
      projectedMillionSeconds: round(1_000_000 / rate, 2),
      peakRssMb: peakRssMb(),
      loadAverage: loadAverage(),
      stagesMs: breakdown.figures,
      readAloneMs: round(alone.ms, 0),
    });
  } finally {
    await db.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
