import { type Decider, type EventStore, type NewEvent, type StoredEvent, type StreamRead, WrongExpectedVersion } from '@naxio/domain';
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

/**
 * What was decided, and on what: the stream as read (`history`, without what was just appended) and
 * its folded `state`, so a caller that needs them after a refusal does not read the stream again.
 */
export type Handled<E, S = unknown> = { events: E[]; nextExpectedVersion: number; history: readonly StoredEvent[]; state: S };

const MAX_CONFLICT_RETRIES = 5;

/**
 * `alreadyRead` for a stream that is most likely new (a first call from a number): decide as on an
 * empty stream without reading it. The append expects no stream yet, so one that exists conflicts,
 * and the command is decided again on the stream as it is.
 */
export const presumedNew = (): StreamRead => ({ version: -1, events: [] });

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
  /** The stream as the caller has just read it, to decide on without reading it again; a conflict reads afresh. */
  alreadyRead?: StreamRead,
): Promise<Handled<E, S>> {
  for (let attempt = 1; ; attempt++) {
    const { version, events: history } = attempt === 1 && alreadyRead ? alreadyRead : await store.readStream(streamId);
    const state = history.reduce((s, e) => decider.evolve(s, e as unknown as E), decider.initialState());
    const decided = decider.decide(command, state);
    if (decided.length === 0) return { events: [], nextExpectedVersion: version, history, state };
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
      return { events: decided, nextExpectedVersion, history, state };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersion) || attempt >= MAX_CONFLICT_RETRIES) throw error;
    }
  }
}
