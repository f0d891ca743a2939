import type { NewEvent, StoredEvent } from '@naxio/domain';
import { eventsAppended, textBackLatency } from './metrics';

type TextEventData = { attemptId?: string; kind?: string };

/**
 * The opening text's latency, read from the stream itself: the attempt's cause is the missed call,
 * so the span is CallMissed's occurredAt to TextSent's (the confirm time). Whichever process
 * confirms the send (the texter from the API answer, the ingress from the receipt) observes it, and
 * only once, because the decider records one TextSent per attempt.
 */
function openingTextLatencySeconds(history: readonly StoredEvent[], event: NewEvent): number | undefined {
  const sent = event.data as TextEventData;
  if (event.type !== 'TextSent' || sent.kind !== 'opening') return undefined;
  const attempt = history.find((e) => e.type === 'TextSendAttempted' && (e.data as TextEventData).attemptId === sent.attemptId);
  const call = attempt && history.find((e) => e.type === 'CallMissed' && e.metadata.eventId === attempt.metadata.causationId);
  if (!call) return undefined;
  const seconds = (Date.parse(event.metadata.occurredAt) - Date.parse(call.metadata.occurredAt)) / 1000;
  return Number.isFinite(seconds) ? Math.max(0, seconds) : undefined;
}

/** Called by the command handler once an append has committed; never throws into the command path. */
export function recordAppended(history: readonly StoredEvent[], appended: readonly NewEvent[]): void {
  try {
    for (const event of appended) {
      eventsAppended.inc({ type: event.type });
      const latency = openingTextLatencySeconds(history, event);
      if (latency !== undefined) textBackLatency.observe(latency);
    }
  } catch {
    // A metric is not worth a failed command.
  }
}
