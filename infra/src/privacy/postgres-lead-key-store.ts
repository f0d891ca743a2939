import type { Pool } from 'pg';
import type { LeadKeyStore } from './lead-key-store';
import { GroupedKeyCreation } from './grouped-key-creation';

type KeyRow = { lead_id: string; key: Buffer };

/**
 * Lead keys in `lead_keys` (migration 040), a plain table that rows can be deleted from, unlike
 * `events`. The key column is stored as is here; in production it would be wrapped by a KMS key
 * (envelope encryption), so that a copy of the table or a backup alone opens nothing and deleting a
 * row cannot be undone from a backup once the wrapping key is rotated.
 */
export class PostgresLeadKeyStore implements LeadKeyStore {
  private readonly creation: GroupedKeyCreation;

  constructor(private readonly pool: Pool) {
    this.creation = new GroupedKeyCreation(pool);
  }

  keyFor(leadId: string, tenantId: string): Promise<Buffer> {
    return this.creation.keyFor(leadId, tenantId);
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
