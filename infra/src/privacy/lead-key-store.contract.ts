import { randomUUID } from 'node:crypto';
import type { LeadKeyStore } from './lead-key-store';

/** What every lead key store promises; the in-memory twin and PostgreSQL run the same assertions. */
export function leadKeyStoreContract(name: string, setup: () => Promise<{ keys: LeadKeyStore; teardown(): Promise<void> }>) {
  describe(`lead key store contract: ${name}`, () => {
    let keys: LeadKeyStore;
    let teardown: () => Promise<void>;
    beforeAll(async () => ({ keys, teardown } = await setup()));
    afterAll(() => teardown());

    const lead = () => `lead-t-${randomUUID()}`;

    it('makes a 256-bit key on first use and hands the same one back after', async () => {
      const id = lead();
      expect(await keys.existingKey(id)).toBeNull();
      const key = await keys.keyFor(id, 't');
      expect(key).toHaveLength(32);
      expect(await keys.keyFor(id, 't')).toEqual(key);
      expect(await keys.existingKey(id)).toEqual(key);
    });

    it('gives every lead its own key', async () => {
      const [a, b] = [lead(), lead()];
      expect(await keys.keyFor(a, 't')).not.toEqual(await keys.keyFor(b, 't'));
    });

    it('gives concurrent first uses of a new lead one and the same key', async () => {
      const id = lead();
      const all = await Promise.all(Array.from({ length: 8 }, () => keys.keyFor(id, 't')));
      expect(new Set(all.map((k) => k.toString('hex'))).size).toBe(1);
      expect(await keys.existingKey(id)).toEqual(all[0]);
    });

    it('finds the keys of many leads at once, leaving out those without one', async () => {
      const [a, b, none] = [lead(), lead(), lead()];
      const [ka, kb] = [await keys.keyFor(a, 't'), await keys.keyFor(b, 't')];
      const found = await keys.existingKeys([a, none, b, a]);
      expect([...found.keys()].sort()).toEqual([a, b].sort());
      expect(found.get(a)).toEqual(ka);
      expect(found.get(b)).toEqual(kb);
      expect(await keys.existingKeys([])).toEqual(new Map());
    });

    it('forgets a key for good: a later use makes a new one', async () => {
      const [id, other] = [lead(), lead()];
      const old = await keys.keyFor(id, 't');
      const kept = await keys.keyFor(other, 't');
      expect(await keys.forget(id)).toBe(true);
      expect(await keys.existingKey(id)).toBeNull();
      expect(await keys.forget(id)).toBe(false);
      expect(await keys.existingKey(other)).toEqual(kept);
      expect(await keys.keyFor(id, 't')).not.toEqual(old);
    });
  });
}
