import { createHash, randomBytes } from 'node:crypto';
import type { Pool } from 'pg';

const KEY_PREFIX = 'nxa_';

export type CreatedApiKey = { tenantId: string; label: string; key: string; createdAt: string };

export type KeyHolder = { tenantId: string; timezone: string };

/** Keys are 256 random bits, so SHA-256 is enough: there is nothing to guess that a slower hash would protect. */
export const hashApiKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

/** Creates a key for the tenant and returns it in plain text; this is the only time it is ever seen. */
export async function createApiKey(pool: Pool, tenantId: string, label: string): Promise<CreatedApiKey> {
  const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const { rows } = await pool.query<{ created_at: Date }>(
    'INSERT INTO api_keys (key_hash, tenant_id, label) VALUES ($1, $2, $3) RETURNING created_at',
    [hashApiKey(key), tenantId, label],
  );
  return { tenantId, label, key, createdAt: rows[0]!.created_at.toISOString() };
}

/** The tenant a key belongs to, with its time zone (dates in the API are the tenant's own days). */
export async function keyHolder(pool: Pool, key: string): Promise<KeyHolder | undefined> {
  const { rows } = await pool.query<{ tenant_id: string; timezone: string | null }>(
    `SELECT k.tenant_id, t.config->>'timezone' AS timezone
       FROM api_keys k LEFT JOIN tenants t ON t.id = k.tenant_id WHERE k.key_hash = $1`,
    [hashApiKey(key)],
  );
  const row = rows[0];
  return row ? { tenantId: row.tenant_id, timezone: row.timezone ?? 'UTC' } : undefined;
}
