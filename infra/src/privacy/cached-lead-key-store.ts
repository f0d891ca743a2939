import type { Pool } from 'pg';
import type { LeadKeyStore } from './lead-key-store';
import { PostgresLeadKeyStore } from './postgres-lead-key-store';

/**
 * How long a process keeps using a lead key it has read. `forgetLead` waits this long after deleting a
 * key before it scrubs the read models, so nothing opened with a cached key lands after the scrub.
 */
export const LEAD_KEY_CACHE_MS = 2000;

/**
 * Keeps keys a process has just used, briefly: a lead's events come in bursts (a text is claimed,
 * sent and confirmed within a second), and without it every one of them asks the database for the
 * same key — the most frequent statement of a storm. Only keys that exist are kept: a lead without
 * one may get one from another process at any moment.
 */
export class CachedLeadKeyStore implements LeadKeyStore {
  /** Oldest first: every entry lives as long, so the expired ones are always at the front. */
  private readonly keys = new Map<string, { key: Buffer; until: number }>();

  constructor(
    private readonly inner: LeadKeyStore,
    private readonly ttlMs = LEAD_KEY_CACHE_MS,
    private readonly maxKeys = 50_000,
  ) {}

  async keyFor(leadId: string, tenantId: string): Promise<Buffer> {
    return this.cached(leadId) ?? this.remember(leadId, await this.inner.keyFor(leadId, tenantId));
  }

  async existingKey(leadId: string): Promise<Buffer | null> {
    return (await this.existingKeys([leadId])).get(leadId) ?? null;
  }

  async existingKeys(leadIds: readonly string[]): Promise<Map<string, Buffer>> {
    const found = new Map<string, Buffer>();
    const missing: string[] = [];
    for (const leadId of new Set(leadIds)) {
      const key = this.cached(leadId);
      if (key) found.set(leadId, key);
      else missing.push(leadId);
    }
    if (missing.length > 0) for (const [leadId, key] of await this.inner.existingKeys(missing)) found.set(leadId, this.remember(leadId, key));
    return found;
  }

  async forget(leadId: string): Promise<boolean> {
    this.keys.delete(leadId);
    return this.inner.forget(leadId);
  }

  stored(leadId: string, key: Buffer): void {
    this.remember(leadId, key);
  }

  private cached(leadId: string): Buffer | undefined {
    const entry = this.keys.get(leadId);
    if (!entry) return undefined;
    if (entry.until > Date.now()) return entry.key;
    this.keys.delete(leadId);
    return undefined;
  }

  /** How many keys it holds now. */
  get size(): number {
    return this.keys.size;
  }

  private remember(leadId: string, key: Buffer): Buffer {
    const now = Date.now();
    // In a storm most leads are used once and never looked up again: their keys are let go of here,
    // from the front, where Map keeps the oldest. Otherwise a busy ingress held tens of thousands.
    for (const [oldest, entry] of this.keys) {
      if (entry.until > now && this.keys.size < this.maxKeys) break;
      this.keys.delete(oldest);
    }
    // Deleted first, so a key remembered again moves to the back with its new lifetime.
    this.keys.delete(leadId);
    // A key read from the database or made by randomBytes is a slice of a shared 8 KiB pool: kept
    // as it is, it would keep that whole slab (and the other requests' bytes in it) alive.
    const own = Buffer.alloc(key.length);
    key.copy(own);
    this.keys.set(leadId, { key: own, until: now + this.ttlMs });
    return own;
  }
}

/** What every long-running process uses: the keys in PostgreSQL, with the brief cache in front. */
export const cachedLeadKeys = (pool: Pool): LeadKeyStore => new CachedLeadKeyStore(new PostgresLeadKeyStore(pool));
