import type { PoolClient } from 'pg';
import type { StoredEvent } from '@naxio/domain';

/**
 * A read model is small: the event types it reads and one statement or function per type. Its
 * runner applies each event and moves the consumer's offset in the same transaction, so a
 * redelivered event changes nothing.
 */
export interface Projection {
  name: string;
  handles: readonly string[];
  apply(event: StoredEvent, tx: PoolClient): Promise<void>;
}
