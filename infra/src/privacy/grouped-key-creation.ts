import type { Pool } from 'pg';
import { GroupedWork } from '../postgres/grouped-work';
import { newLeadKey } from './sealed-value';

type Waiting = { leadId: string; tenantId: string; resolve(key: Buffer): void; reject(error: unknown): void };

/** Statements in flight at once; the rest wait and go together in the next. */
const LANES = 2;
const MAX_GROUP = 500;

/**
 * A lead's key for its first use, made or found, with the first uses that arrive together sharing
 * one statement and one commit (see GroupedWork). In a storm every missed call is a new lead: a
 * statement (and a WAL flush) each was the ingress's second cost after the append itself.
 *
 * Keys are inserted in lead-id order, so two groups (from any number of processes) never deadlock.
 * The statement reads with the snapshot it started with: a key that a concurrent first use inserted
 * meanwhile (our INSERT waited on it, then did nothing) is not in it, and that lead asks again.
 */
export class GroupedKeyCreation {
  private readonly work: GroupedWork<Waiting>;

  constructor(private readonly pool: Pool) {
    this.work = new GroupedWork(LANES, (waiting) => waiting.splice(0, MAX_GROUP), (group) => this.create(group));
  }

  keyFor(leadId: string, tenantId: string): Promise<Buffer> {
    return new Promise((resolve, reject) => this.work.add({ leadId, tenantId, resolve, reject }));
  }

  private async create(group: Waiting[]): Promise<void> {
    const byLead = new Map<string, Waiting[]>();
    for (const waiting of group) byLead.set(waiting.leadId, [...(byLead.get(waiting.leadId) ?? []), waiting]);
    const leads = [...byLead.keys()].sort();
    try {
      const { rows } = await this.pool.query<{ lead_id: string; key: Buffer }>(
        `WITH wanted AS (SELECT * FROM unnest($1::text[], $2::text[], $3::bytea[]) AS w(lead_id, tenant_id, key)),
         inserted AS (
           INSERT INTO lead_keys (lead_id, tenant_id, key) SELECT lead_id, tenant_id, key FROM wanted ORDER BY lead_id
           ON CONFLICT (lead_id) DO NOTHING RETURNING lead_id, key)
         SELECT lead_id, key FROM inserted UNION ALL SELECT lead_id, key FROM lead_keys WHERE lead_id = ANY($1::text[])`,
        [leads, leads.map((lead) => byLead.get(lead)![0]!.tenantId), leads.map(() => newLeadKey())],
      );
      const found = new Map(rows.map((row) => [row.lead_id, row.key]));
      for (const [lead, waiting] of byLead) {
        const key = found.get(lead);
        if (key) for (const w of waiting) w.resolve(key);
        else this.work.add(...waiting);
      }
    } catch (error) {
      for (const waiting of group) waiting.reject(error);
    }
  }
}
