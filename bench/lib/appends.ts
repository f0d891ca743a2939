import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent } from '@naxio/domain';

export type AppendConfig = { name: string; eventsPerAppend: number; writers: number };

/** A single-event writer's streams grow like a lead's: a missed call, the text, its receipt, a reply… */
const EVENTS_PER_LEAD_STREAM = 5;

/** The fields of a real CallMissed (as the store sees them before personal fields are sealed), so JSON and hashing cost what they do. */
export function callMissedLike(streamId: string, index: number): NewEvent {
  const now = new Date().toISOString();
  return {
    type: 'CallMissed',
    data: { callSessionId: randomUUID(), callerPhone: `+1737${String(2_000_000 + index).padStart(7, '0')}`, tenantPhone: '+15125550100', reason: 'timeout', calledAt: now, repeatCall: index % EVENTS_PER_LEAD_STREAM !== 0 },
    metadata: { eventId: randomUUID(), streamId, tenantId: 'peak-comfort', occurredAt: now, correlationId: randomUUID(), causationId: null },
  };
}

export type WriterRun = { events: number; seconds: number; appendMs: number[] };

/**
 * One configuration: `writers` concurrent loops, each on streams no other writer touches, each
 * appending `eventsPerAppend` events per call with the exact expected version (as handleCommand does).
 * Single events go onto lead-sized streams; a batch opens a stream of its own.
 */
export async function runAppends(store: Pick<EventStore, 'appendToStream'>, config: AppendConfig, totalEvents: number, tag: string): Promise<WriterRun> {
  const perWriter = Math.max(config.eventsPerAppend, Math.floor(totalEvents / config.writers / config.eventsPerAppend) * config.eventsPerAppend);
  const appendMs: number[] = [];
  const writer = async (w: number) => {
    let stream = '';
    let version = -1;
    for (let written = 0; written < perWriter; written += config.eventsPerAppend) {
      const freshStream = config.eventsPerAppend > 1 || written % EVENTS_PER_LEAD_STREAM === 0;
      if (freshStream) [stream, version] = [`bench-${tag}-w${w}-${written}`, -1];
      const events = Array.from({ length: config.eventsPerAppend }, (_, i) => callMissedLike(stream, written + i));
      const began = performance.now();
      version = (await store.appendToStream(stream, events, version)).nextExpectedVersion;
      appendMs.push(performance.now() - began);
    }
  };
  const began = performance.now();
  await Promise.all(Array.from({ length: config.writers }, (_, w) => writer(w)));
  return { events: perWriter * config.writers, seconds: (performance.now() - began) / 1000, appendMs };
}
