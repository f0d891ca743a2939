import { readFile } from 'node:fs/promises';
import type { Pool } from 'pg';
import type { Tenant, TenantDirectory } from '@naxio/domain';
import { inTransaction } from '../postgres/transaction';
import { parseTenants } from './tenant-config';

const CACHE_MS = 30_000;

/**
 * Tenants as stored in Postgres. Every webhook looks its number up, so answers are cached briefly;
 * a tenant edit reaches running processes within CACHE_MS.
 */
export class PostgresTenantDirectory implements TenantDirectory {
  private cache: { at: number; tenants: Promise<Tenant[]> } | undefined;

  constructor(private readonly pool: Pool) {}

  private all(): Promise<Tenant[]> {
    if (!this.cache || Date.now() - this.cache.at > CACHE_MS) {
      const tenants = this.pool.query<{ config: unknown }>('SELECT config FROM tenants ORDER BY id').then((r) => parseTenants(r.rows.map((row) => row.config)));
      tenants.catch(() => (this.cache = undefined));
      this.cache = { at: Date.now(), tenants };
    }
    return this.cache.tenants;
  }

  async byId(tenantId: string): Promise<Tenant | undefined> {
    return (await this.all()).find((t) => t.id === tenantId);
  }

  async byPhoneNumber(phone: string): Promise<Tenant | undefined> {
    return (await this.all()).find((t) => t.phoneNumbers.includes(phone));
  }
}

/** Writes validated tenants (insert or replace) with their numbers, all or nothing. */
export async function saveTenants(pool: Pool, tenants: readonly Tenant[]): Promise<void> {
  await inTransaction(pool, async (client) => {
    for (const tenant of tenants) {
      await client.query(
        `INSERT INTO tenants (id, config) VALUES ($1, $2)
         ON CONFLICT (id) DO UPDATE SET config = EXCLUDED.config, updated_at = now()`,
        [tenant.id, JSON.stringify(tenant)],
      );
      await client.query('DELETE FROM tenant_phone_numbers WHERE tenant_id = $1', [tenant.id]);
      for (const number of tenant.phoneNumbers) {
        await client.query('INSERT INTO tenant_phone_numbers (phone_number, tenant_id) VALUES ($1, $2)', [number, tenant.id]);
      }
    }
  });
}

/** Reads, validates and stores a seed file; a bad file changes nothing and says what is wrong. */
export async function seedTenants(pool: Pool, path: string): Promise<Tenant[]> {
  const raw = await readFile(path, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new Error(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  const tenants = parseTenants(json);
  await saveTenants(pool, tenants);
  return tenants;
}
