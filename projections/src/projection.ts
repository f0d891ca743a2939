import type { PoolClient } from 'pg';
import type { StoredEvent } from '@naxio/domain';

/**
 * A read model is small: the event types it reads and one statement or function per type. Its
 * runner applies each event and moves the consumer's offset in the same transaction, so a
 * redelivered event changes nothing.
 *
 * `apply` names its tables without a schema: a rebuild runs the same code with the search path
 * pointing at fresh copies, then swaps them in.
 */
export interface Projection {
  name: string;
  handles: readonly string[];
  /** Every table the read model owns; a rebuild replaces them together. */
  tables: readonly string[];
  apply(event: StoredEvent, tx: PoolClient): Promise<void>;
}
