import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@naxio/domain';
import { PostgresEventStore } from '@naxio/infra';
import { allProjections, rebuildProjections } from '@naxio/projections';
import { exampleEvents } from '@naxio/schemas';
import { numberOption } from '../lib/cli';
import { openBenchDatabase } from '../lib/database';
import { printJsonLine } from '../lib/json-line';
import { peakRssMb } from '../lib/process-figures';

// `npx tsx bench/replay/main.ts [--events N]`: rebuilds every read model from N stored events (the
// issue's figure is 1,000,000 in under 10 s). Each lead gets the common story: missed call, opening
// text, reply, qualification, follow-ups scheduled, a booking for some.
const events = numberOption('--events', 200_000, { min: 1_000, max: 2_000_000 });
const story = (['CallMissed', 'TextSendAttempted', 'TextSent', 'ReplyReceived', 'LeadQualified', 'FollowUpScheduled', 'FollowUpsCancelled', 'CallbackBooked', 'JobSynced'] as const).map((t) => exampleEvents[t]);

async function main() {
  const db = await openBenchDatabase('replay', 8);
  try {
    const store = new PostgresEventStore(db.pool);
    const loadStart = Date.now();
    const leads = Math.ceil(events / story.length);
    const tenants = ['peak-comfort', 'blue-river-plumbing', 'summit-roofing'];
    for (let first = 0; first < leads; first += 400) {
      await Promise.all(
        Array.from({ length: Math.min(400, leads - first) }, async (_, k) => {
          const i = first + k;
          const streamId = `lead-${tenants[i % 3]}-${randomUUID()}`;
          const day = new Date(Date.UTC(2026, 10, 1 + (i % 28), 15)).toISOString();
          const batch: NewEvent[] = story.map((e) => ({
            type: e.type,
            data: e.type === 'CallMissed' ? { ...e.data, calledAt: day } : e.data,
            metadata: { eventId: randomUUID(), streamId, tenantId: tenants[i % 3]!, occurredAt: day, correlationId: streamId, causationId: null },
          }));
          await store.appendToStream(streamId, batch, 'no_stream');
        }),
      );
    }
    const stored = leads * story.length;
    const loadMs = Date.now() - loadStart;
    console.log(`stored ${stored} events for ${leads} leads in ${(loadMs / 1000).toFixed(1)} s`);

    const start = Date.now();
    const result = await rebuildProjections({ pool: db.pool, store, projections: allProjections, pageSize: 5000 });
    const rebuildMs = Date.now() - start;
    const rate = Math.round(result.replayed / (rebuildMs / 1000));
    console.log(`rebuilt ${allProjections.map((p) => p.name).join(', ')} from ${result.replayed} events in ${(rebuildMs / 1000).toFixed(1)} s (${rate} events/s)`);
    console.log(`at that rate 1,000,000 events take ${(1_000_000 / rate).toFixed(1)} s; peak RSS ${peakRssMb()} MB`);
    printJsonLine({ events: result.replayed, leads, rebuildMs, eventsPerSecond: rate, projectedMillionSeconds: 1_000_000 / rate, peakRssMb: peakRssMb() });
  } finally {
    await db.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
