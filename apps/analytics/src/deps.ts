import type { Pool } from 'pg';
import type { Clock, EventStore } from '@naxio/domain';

export type AnalyticsDeps = {
  /** Read models, API keys and tenants. */
  pool: Pool;
  /** Lead histories are read from, and hand-offs appended to, the event store itself. */
  store: EventStore;
  clock: Clock;
};
