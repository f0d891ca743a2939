import { CachedLeadKeyStore } from './cached-lead-key-store';
import { leadKeyStoreContract } from './lead-key-store.contract';
import { InMemoryLeadKeyStore } from './lead-key-store';

leadKeyStoreContract('cached, in front of the in-memory twin', async () => ({ keys: new CachedLeadKeyStore(new InMemoryLeadKeyStore()), teardown: async () => undefined }));

/** The in-memory twin, counting how often it is asked. */
function countedStore() {
  const inner = new InMemoryLeadKeyStore();
  const asked = { keyFor: 0, existingKeys: 0 };
  const counted = Object.assign(Object.create(inner) as InMemoryLeadKeyStore, {
    keyFor: (leadId: string, tenantId: string) => (asked.keyFor++, inner.keyFor(leadId, tenantId)),
    existingKeys: (leadIds: readonly string[]) => (asked.existingKeys++, inner.existingKeys(leadIds)),
  });
  return { inner, counted, asked };
}

describe('cached lead keys', () => {
  it('asks the store once for a key used again within its lifetime, and again after', async () => {
    const { counted, asked } = countedStore();
    const keys = new CachedLeadKeyStore(counted, 50);
    const key = await keys.keyFor('lead-a', 't');
    expect(await keys.keyFor('lead-a', 't')).toEqual(key);
    expect(await keys.existingKey('lead-a')).toEqual(key);
    expect(asked).toEqual({ keyFor: 1, existingKeys: 0 });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await keys.existingKey('lead-a')).toEqual(key);
    expect(asked.existingKeys).toBe(1);
  });

  it('never remembers that a lead had no key: another process may make one', async () => {
    const { inner, counted } = countedStore();
    const keys = new CachedLeadKeyStore(counted, 60_000);
    expect(await keys.existingKey('lead-b')).toBeNull();
    const made = await inner.keyFor('lead-b', 't');
    expect(await keys.existingKey('lead-b')).toEqual(made);
  });

  it('lets go of a key it forgets at once', async () => {
    const { counted } = countedStore();
    const keys = new CachedLeadKeyStore(counted, 60_000);
    await keys.keyFor('lead-c', 't');
    expect(await keys.forget('lead-c')).toBe(true);
    expect(await keys.existingKey('lead-c')).toBeNull();
  });

  it('keeps at most its limit, dropping the oldest first', async () => {
    const { counted, asked } = countedStore();
    const keys = new CachedLeadKeyStore(counted, 60_000, 2);
    for (const id of ['lead-1', 'lead-2', 'lead-3']) await keys.keyFor(id, 't');
    await keys.existingKeys(['lead-2', 'lead-3']);
    expect(asked.existingKeys).toBe(0);
    await keys.existingKey('lead-1');
    expect(asked.existingKeys).toBe(1);
  });

  it('lets go of keys whose time is up without being asked for them again, as in a storm of new callers', async () => {
    const { counted } = countedStore();
    const keys = new CachedLeadKeyStore(counted, 20);
    for (const id of ['lead-1', 'lead-2', 'lead-3']) await keys.keyFor(id, 't');
    expect(keys.size).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await keys.keyFor('lead-4', 't');
    expect(keys.size).toBe(1);
  });

  it('keeps a key in a buffer of its own, not a slice of a shared pool that would keep the rest alive', async () => {
    const pool = Buffer.from('a'.repeat(100));
    const sliced = pool.subarray(10, 42);
    const keys = new CachedLeadKeyStore({ keyFor: async () => sliced, existingKey: async () => null, existingKeys: async () => new Map(), forget: async () => true }, 60_000);
    const kept = await keys.keyFor('lead-5', 't');
    expect(kept).toEqual(sliced);
    expect(kept.buffer.byteLength).toBe(32);
  });
});
