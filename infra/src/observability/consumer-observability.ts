import type { Consumer } from 'kafkajs';
import type { StoredEvent } from '@naxio/domain';
import { eventLogger, logger } from './logger';
import { consumerLag, eventsHandled } from './metrics';
import { continueTrace, runInTrace } from './trace-scope';

const lag = (highWatermark: string, offset: string) => Math.max(0, Number(highWatermark) - Number(offset));

/**
 * Lag from what kafkajs reports per batch: when a batch starts, everything from its first offset to
 * the high watermark is still to do; when it ends, everything after its last offset.
 */
export function watchConsumerLag(consumer: Consumer, group: string): void {
  consumer.on(consumer.events.START_BATCH_PROCESS, ({ payload }) =>
    consumerLag.set({ group, partition: String(payload.partition) }, lag(payload.highWatermark, payload.firstOffset)),
  );
  consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) =>
    consumerLag.set({ group, partition: String(payload.partition) }, Math.max(0, lag(payload.highWatermark, payload.lastOffset) - 1)),
  );
}

/**
 * One attempt at handling a consumed event: inside the trace its message carried (a span of its
 * own), counted, and on failure logged with the lead's ids before the error goes back to the retry loop.
 */
export async function handleObserved(group: string, event: StoredEvent, traceparent: string | undefined, handle: () => Promise<void>): Promise<void> {
  return runInTrace(continueTrace(traceparent), async () => {
    try {
      await handle();
      eventsHandled.inc({ group, type: event.type, outcome: 'handled' });
      // Every event in every group: worth building the line only when someone asked for it.
      if (logger().isLevelEnabled('debug')) eventLogger(event).debug({ group }, 'event handled');
    } catch (error) {
      eventsHandled.inc({ group, type: event.type, outcome: 'failed' });
      eventLogger(event).error({ group, err: error }, 'event handler failed; retrying');
      throw error;
    }
  });
}
