import { newLeadKey } from './sealed-value';

/**
 * One data key per lead, kept outside the append-only log. Personal fields in the lead's events are
 * sealed with it; deleting it erases them wherever the sealed values were copied.
 */
export interface LeadKeyStore {
  /** The lead's key, created (256 random bits) on first use; concurrent first uses get the same key. */
  keyFor(leadId: string, tenantId: string): Promise<Buffer>;
  /** The lead's key, or null when it never had one or it was forgotten. */
  existingKey(leadId: string): Promise<Buffer | null>;
  /** The keys of those leads that have one, in one look-up (a page of the global order spans many leads). */
  existingKeys(leadIds: readonly string[]): Promise<Map<string, Buffer>>;
  /** Deletes the key; false when there was none. */
  forget(leadId: string): Promise<boolean>;
  /** Told of a key that was stored with its lead's first events, so a cache in front can keep it. */
  stored?(leadId: string, key: Buffer): void;
}

/** The key store's twin for unit tests and single-process runs. */
export class InMemoryLeadKeyStore implements LeadKeyStore {
  private readonly keys = new Map<string, { tenantId: string; key: Buffer }>();

  async keyFor(leadId: string, tenantId: string): Promise<Buffer> {
    const existing = this.keys.get(leadId);
    if (existing) return existing.key;
    const key = newLeadKey();
    this.keys.set(leadId, { tenantId, key });
    return key;
  }

  async existingKey(leadId: string): Promise<Buffer | null> {
    return this.keys.get(leadId)?.key ?? null;
  }

  async existingKeys(leadIds: readonly string[]): Promise<Map<string, Buffer>> {
    const found = new Map<string, Buffer>();
    for (const id of leadIds) {
      const entry = this.keys.get(id);
      if (entry) found.set(id, entry.key);
    }
    return found;
  }

  async forget(leadId: string): Promise<boolean> {
    return this.keys.delete(leadId);
  }
}
