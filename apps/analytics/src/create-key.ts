import { createPool, migrate, runtimeEnv } from '@naxio/infra';
import { createApiKey } from './api-keys';

// `npm run create-key -w @naxio/analytics -- <tenant id> [label]`: prints a new key once; only its hash is kept.
async function main(args: string[]): Promise<number> {
  const [tenantId, label = 'dashboard'] = args;
  if (!tenantId) {
    console.error('usage: create-key <tenant id> [label]');
    return 2;
  }
  const pool = createPool(runtimeEnv().databaseUrl, 1);
  try {
    await migrate(pool);
    const tenant = await pool.query('SELECT 1 FROM tenants WHERE id = $1', [tenantId]);
    if (tenant.rowCount === 0) {
      console.error(`no tenant "${tenantId}"`);
      return 1;
    }
    const created = await createApiKey(pool, tenantId, label);
    console.error(`API key "${created.label}" for ${created.tenantId}; it will not be shown again:`);
    console.log(created.key);
    return 0;
  } finally {
    await pool.end();
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code), (error) => {
  console.error(error);
  process.exit(1);
});
