import type { Pool } from 'pg';
import type { StoredEvent } from '@naxio/domain';
import { applyEvents, type Projection } from '../projection';
import { inTransaction } from '@naxio/infra';

/** "Given these events": applies each to the projections that handle it, one transaction per event, as the live runner does. */
export async function projectEvents(pool: Pool, projections: readonly Projection[], events: readonly StoredEvent[]): Promise<void> {
  for (const event of events) {
    await inTransaction(pool, async (tx) => {
      for (const projection of projections) if (projection.handles.includes(event.type)) await applyEvents(projection, [event], tx);
    });
  }
}

/** A table's rows in a stable order, with dates as ISO strings, for comparing two tables. */
export async function tableRows(pool: Pool, table: string, orderBy: string): Promise<Array<Record<string, unknown>>> {
  const { rows } = await pool.query(`SELECT * FROM ${table} ORDER BY ${orderBy}`);
  return rows.map((row: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v])),
  );
}
