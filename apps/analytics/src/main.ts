import { systemClock } from '@naxio/domain';
import { createPool, migrate, createEventStore, piiProtected, runtimeEnv, stopOnSignal } from '@naxio/infra';
import { buildAnalytics } from './app';

// The analytics API and dashboard: PORT (default 3100), DATABASE_URL. Read models are kept up to date
// by the projections process (`npm start -w @naxio/projections`).
async function main() {
  const pool = createPool(runtimeEnv().databaseUrl);
  await migrate(pool);
  const app = await buildAnalytics({ pool, store: piiProtected(createEventStore(process.env, pool), pool), clock: systemClock, logger: true });
  await app.listen({ port: Number(process.env.PORT ?? 3100), host: process.env.HOST ?? '0.0.0.0' });
  stopOnSignal(async () => {
    await app.close();
    await pool.end();
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
