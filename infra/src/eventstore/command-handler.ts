import { type Decider, type EventStore, type NewEvent, WrongExpectedVersion } from '@naxio/domain';
import { randomUUID } from 'node:crypto';
import { recordAppended } from '../observability/event-metrics';
import { traceMetadata } from '../observability/trace-scope';

/** Facts a command brings from outside: the domain never reads the clock or makes ids itself. */
export type CommandContext = {
  tenantId: string;
  now: Date;
  correlationId: string;
  causationId: string | null;
};

export type Handled<E> = { events: E[]; nextExpectedVersion: number };

const MAX_CONFLICT_RETRIES = 5;

/**
 * The one piece of glue between a decider and the store: load the stream, fold, decide, append with
 * the version we read. Another writer in between means we decide again on the newer history.
 *
 * Event ids are fresh on purpose. The decider is what makes a repeated command (a webhook retry, a
 * redelivery) decide nothing; the expected version is what makes two concurrent writers conflict.
 * Ids derived from the command would let the loser of such a race "succeed" as an idempotent no-op
 * and believe it had claimed, say, the right to send a text.
 */
export async function handleCommand<C, E extends { type: string; data: unknown }, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  streamId: string,
  command: C,
  context: CommandContext,
): Promise<Handled<E>> {
  for (let attempt = 1; ; attempt++) {
    const { version, events: history } = await store.readStream(streamId);
    const state = history.reduce((s, e) => decider.evolve(s, e as unknown as E), decider.initialState());
    const decided = decider.decide(command, state);
    if (decided.length === 0) return { events: [], nextExpectedVersion: version };
    const toAppend: NewEvent[] = decided.map((event) => ({
      type: event.type,
      data: event.data,
      metadata: {
        eventId: randomUUID(),
        streamId,
        tenantId: context.tenantId,
        occurredAt: context.now.toISOString(),
        correlationId: context.correlationId,
        causationId: context.causationId,
        ...traceMetadata(),
      },
    }));
    try {
      const { nextExpectedVersion } = await store.appendToStream(streamId, toAppend, version);
      recordAppended(history, toAppend);
      return { events: decided, nextExpectedVersion };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersion) || attempt >= MAX_CONFLICT_RETRIES) throw error;
    }
  }
}
