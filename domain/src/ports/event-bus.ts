import type { StoredEvent } from './event-store';

/** Publishes stored events to the bus, keyed by stream; resolves once the bus has them durably. */
export interface EventPublisher {
  publish(events: readonly StoredEvent[]): Promise<void>;
}

/** A consumer group's view of the bus: each event at least once, in order per stream. */
export interface EventConsumer {
  /**
   * `reactsTo`: the event types `handle` acts on. Others are passed over unread (no decoding, no
   * personal fields opened); without it every event reaches `handle`.
   */
  start(handle: (event: StoredEvent) => Promise<void>, reactsTo?: readonly string[]): Promise<void>;
  stop(): Promise<void>;
}
