import type { Pool } from 'pg';
import type { EventStore } from '@naxio/domain';
import { createPool, DEFAULT_DATABASE_URL } from '../postgres/pool';
import { PostgresEventStore } from './postgres-event-store';

export const EVENT_STORE_KINDS = ['postgres', 'eventstoredb'] as const;
export type EventStoreKind = (typeof EVENT_STORE_KINDS)[number];

export class EventStoreConfigError extends Error {
  readonly code = 'invalid_event_store_config';
  constructor(message: string) {
    super(message);
    this.name = 'EventStoreConfigError';
  }
}

/** EVENT_STORE, defaulting to postgres; anything else is a configuration error, not a silent default. */
export function eventStoreKind(env: NodeJS.ProcessEnv = process.env): EventStoreKind {
  const value = (env.EVENT_STORE ?? '').trim().toLowerCase() || 'postgres';
  const kind = EVENT_STORE_KINDS.find((k) => k === value);
  if (!kind) throw new EventStoreConfigError(`EVENT_STORE=${env.EVENT_STORE} is not one of: ${EVENT_STORE_KINDS.join(', ')}`);
  return kind;
}

/**
 * The event store the environment names. PostgreSQL uses `pool` when given (so the caller keeps one
 * pool for the store and its other tables) or a new pool on DATABASE_URL; EventStoreDB needs
 * EVENTSTORE_URL, e.g. `esdb://eventstore:2113?tls=false`.
 */
export function createEventStore(env: NodeJS.ProcessEnv = process.env, pool?: Pool): EventStore {
  const kind = eventStoreKind(env);
  switch (kind) {
    case 'postgres':
      return new PostgresEventStore(pool ?? createPool(env.DATABASE_URL ?? DEFAULT_DATABASE_URL));
    case 'eventstoredb': {
      const url = env.EVENTSTORE_URL?.trim();
      if (!url) throw new EventStoreConfigError('EVENT_STORE=eventstoredb needs EVENTSTORE_URL (e.g. esdb://127.0.0.1:2113?tls=false)');
      try {
        // Loaded here, not at the top: every process would otherwise carry the gRPC client.
        const { EsdbEventStore } = require('./esdb-event-store') as typeof import('./esdb-event-store');
        return EsdbEventStore.fromConnectionString(url);
      } catch (error) {
        throw new EventStoreConfigError(`EVENTSTORE_URL is not a usable EventStoreDB connection string: ${(error as Error).message}`);
      }
    }
    default: {
      const _exhaustive: never = kind;
      throw new EventStoreConfigError(`unknown event store ${String(_exhaustive)}`);
    }
  }
}
