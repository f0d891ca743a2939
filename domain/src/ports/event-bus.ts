import type { StoredEvent } from './event-store';

/** Publishes stored events to the bus, keyed by stream; resolves once the bus has them durably. */
export interface EventPublisher {
  publish(events: readonly StoredEvent[]): Promise<void>;
}

/** A consumer group's view of the bus: each event at least once, in order per stream. */
export interface EventConsumer {
  start(handle: (event: StoredEvent) => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}
