import type { Pool } from 'pg';
import type { LeadKeyStore } from './lead-key-store';
import { newLeadKey } from './sealed-value';

type KeyRow = { lead_id: string; key: Buffer };

/**
 * Lead keys in `lead_keys` (migration 040), a plain table that rows can be deleted from, unlike
 * `events`. The key column is stored as is here; in production it would be wrapped by a KMS key
 * (envelope encryption), so that a copy of the table or a backup alone opens nothing and deleting a
 * row cannot be undone from a backup once the wrapping key is rotated.
 */
export class PostgresLeadKeyStore implements LeadKeyStore {
  constructor(private readonly pool: Pool) {}

  async keyFor(leadId: string, tenantId: string): Promise<Buffer> {
    // One round trip whether the key is new or not. The SELECT sees the statement's snapshot, so a key
    // that a concurrent first use inserts (our INSERT waited on it, then did nothing) is not in it:
    // the loop reads again. It also covers a forget that lands in between.
    for (;;) {
      const { rows } = await this.pool.query<KeyRow>(
        `WITH inserted AS (
           INSERT INTO lead_keys (lead_id, tenant_id, key) VALUES ($1, $2, $3) ON CONFLICT (lead_id) DO NOTHING RETURNING lead_id, key)
         SELECT lead_id, key FROM inserted UNION ALL SELECT lead_id, key FROM lead_keys WHERE lead_id = $1`,
        [leadId, tenantId, newLeadKey()],
      );
      if (rows[0]) return rows[0].key;
    }
  }

  async existingKey(leadId: string): Promise<Buffer | null> {
    return (await this.existingKeys([leadId])).get(leadId) ?? null;
  }

  async existingKeys(leadIds: readonly string[]): Promise<Map<string, Buffer>> {
    if (leadIds.length === 0) return new Map();
    const { rows } = await this.pool.query<KeyRow>('SELECT lead_id, key FROM lead_keys WHERE lead_id = ANY($1::text[])', [[...new Set(leadIds)]]);
    return new Map(rows.map((r) => [r.lead_id, r.key]));
  }

  async forget(leadId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('DELETE FROM lead_keys WHERE lead_id = $1', [leadId]);
    return (rowCount ?? 0) > 0;
  }
}
