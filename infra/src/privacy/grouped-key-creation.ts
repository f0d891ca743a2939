import type { Pool } from 'pg';
import { newLeadKey } from './sealed-value';

type Waiting = { leadId: string; tenantId: string; resolve(key: Buffer): void; reject(error: unknown): void };

/** Statements in flight at once; the rest wait and go together in the next. */
const LANES = 2;
const MAX_GROUP = 500;

/**
 * A lead's key for its first use, made or found, with the first uses that arrive together sharing
 * one statement and one commit. In a storm every missed call is a new lead: a statement (and a WAL
 * flush) each was the ingress's second cost after the append itself. Nothing waits on a timer: a
 * first use that finds a lane free goes at once.
 *
 * Keys are inserted in lead-id order, so two groups (from any number of processes) never deadlock.
 * The statement reads with the snapshot it started with: a key that a concurrent first use inserted
 * meanwhile (our INSERT waited on it, then did nothing) is not in it, and that lead asks again.
 */
export class GroupedKeyCreation {
  private readonly queue: Waiting[] = [];
  private lanesBusy = 0;

  constructor(private readonly pool: Pool) {}

  keyFor(leadId: string, tenantId: string): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.queue.push({ leadId, tenantId, resolve, reject });
      this.startLane();
    });
  }

  private startLane(): void {
    if (this.lanesBusy >= LANES || this.queue.length === 0) return;
    this.lanesBusy += 1;
    void this.runLane();
  }

  private async runLane(): Promise<void> {
    for (let group = this.queue.splice(0, MAX_GROUP); group.length > 0; group = this.queue.splice(0, MAX_GROUP)) await this.create(group);
    this.lanesBusy -= 1;
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
        else this.queue.push(...waiting);
      }
    } catch (error) {
      for (const waiting of group) waiting.reject(error);
    }
  }
}
