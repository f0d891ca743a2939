import { createPool } from '../postgres/pool';
import { freshDatabase, type TestDatabase } from '../../../test/support/postgres';
import { leadKeyStoreContract } from './lead-key-store.contract';
import { PostgresLeadKeyStore } from './postgres-lead-key-store';

leadKeyStoreContract('PostgreSQL', async () => {
  const db = await freshDatabase('lead_keys');
  return { keys: new PostgresLeadKeyStore(db.pool), teardown: () => db.close() };
});

describe('PostgreSQL lead key store', () => {
  let db: TestDatabase;
  beforeAll(async () => (db = await freshDatabase('lead_keys_race')));
  afterAll(() => db.close());

  it('gives two processes racing on a new lead the same key, and keeps one row', async () => {
    // Separate pools, as two app processes would have: the race is decided by the database.
    const pools = [createPool(db.url, 4), createPool(db.url, 4)];
    try {
      for (let round = 0; round < 10; round += 1) {
        const lead = `lead-t-race-${round}`;
        const keys = await Promise.all(pools.flatMap((pool) => [0, 1].map(() => new PostgresLeadKeyStore(pool).keyFor(lead, 't'))));
        expect(new Set(keys.map((k) => k.toString('hex'))).size).toBe(1);
      }
      const { rows } = await db.pool.query<{ leads: number; keys: number }>('SELECT count(*)::int AS leads, count(DISTINCT key)::int AS keys FROM lead_keys');
      expect(rows[0]).toEqual({ leads: 10, keys: 10 });
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
  });

  it('makes the keys of first uses that arrive together in a few statements, one row and one key each', async () => {
    const store = new PostgresLeadKeyStore(db.pool);
    const statements = jest.spyOn(db.pool, 'query');
    try {
      const leads = Array.from({ length: 100 }, (_, i) => `lead-t-storm-${i}`);
      const keys = await Promise.all([...leads, ...leads.slice(0, 10)].map((lead) => store.keyFor(lead, 't')));
      expect(statements.mock.calls.length).toBeLessThanOrEqual(5);
      expect(new Set(keys.map((k) => k.toString('hex'))).size).toBe(100);
      expect(keys.slice(100)).toEqual(keys.slice(0, 10));
    } finally {
      statements.mockRestore();
    }
    const { rows } = await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM lead_keys WHERE lead_id LIKE 'lead-t-storm-%'`);
    expect(rows[0]!.n).toBe(100);
  });

  it('keeps the tenant and refuses a key that is not 256 bits', async () => {
    await new PostgresLeadKeyStore(db.pool).keyFor('lead-acme-1', 'acme');
    const { rows } = await db.pool.query('SELECT tenant_id FROM lead_keys WHERE lead_id = $1', ['lead-acme-1']);
    expect(rows).toEqual([{ tenant_id: 'acme' }]);
    await expect(db.pool.query(`INSERT INTO lead_keys (lead_id, tenant_id, key) VALUES ('x', 't', '\\x00')`)).rejects.toThrow(/check constraint/);
  });
});
