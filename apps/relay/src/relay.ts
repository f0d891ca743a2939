import type { CheckpointStore, EventPublisher, EventStore, Subscription } from '@naxio/domain';

export const RELAY_CHECKPOINT = 'relay:lead-events';

export type RelayOptions = {
  store: EventStore;
  publisher: EventPublisher;
  checkpoints: CheckpointStore;
  checkpointName?: string;
  batchSize?: number;
  onError?: (error: unknown) => void;
};

/**
 * Copies the store's global order onto the bus. The checkpoint moves only after the broker has
 * acknowledged a batch, so a crash republishes at most the last batch (consumers are idempotent)
 * and never skips one; one relay per topic keeps each lead's events in order.
 */
export async function startRelay(options: RelayOptions): Promise<Subscription> {
  const name = options.checkpointName ?? RELAY_CHECKPOINT;
  const after = await options.checkpoints.load(name);
  return options.store.subscribeToAll({ after, batchSize: options.batchSize ?? 500, onError: options.onError }, async (events) => {
    await options.publisher.publish(events);
    await options.checkpoints.save(name, events.at(-1)!.position);
  });
}
