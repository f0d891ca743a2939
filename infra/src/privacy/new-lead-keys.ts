import type { PoolClient } from 'pg';
import type { AppendResult, NewEvent } from '@naxio/domain';

/** A key made for a lead that has none yet, to be stored in the same commit as its first events. */
export type NewLeadKey = { leadId: string; tenantId: string; key: Buffer };

/**
 * An event store that keeps lead keys beside the events (PostgreSQL) and can store a new lead's key
 * with its first events, in one commit: in a storm every missed call opens a lead, and its key used
 * to cost a statement and a commit of its own, before the append could even start. undefined: not
 * done (the stream or a key for it exists already), and nothing was stored.
 */
export interface OpensLeadsWithKeys {
  appendFirstEvents(streamId: string, events: NewEvent[], leadKey: NewLeadKey): Promise<AppendResult | undefined>;
}

export const opensLeadsWithKeys = (store: object): store is OpensLeadsWithKeys => typeof (store as Partial<OpensLeadsWithKeys>).appendFirstEvents === 'function';

/**
 * Inserts the keys of leads that have none, ordered by lead id in SQL as GroupedKeyCreation orders
 * them (the database's collation decides, for both), so the two never deadlock; answers the leads
 * whose key went in. Another process's key for the same lead, committed or still in flight, wins:
 * this one waits for it and leaves that lead out.
 */
export async function insertLeadKeys(client: PoolClient, keys: readonly NewLeadKey[]): Promise<Set<string>> {
  const { rows } = await client.query<{ lead_id: string }>(
    `INSERT INTO lead_keys (lead_id, tenant_id, key)
     SELECT lead_id, tenant_id, key FROM unnest($1::text[], $2::text[], $3::bytea[]) AS k(lead_id, tenant_id, key) ORDER BY lead_id
     ON CONFLICT (lead_id) DO NOTHING RETURNING lead_id`,
    [keys.map((k) => k.leadId), keys.map((k) => k.tenantId), keys.map((k) => k.key)],
  );
  return new Set(rows.map((row) => row.lead_id));
}
