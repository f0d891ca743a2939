import { callbackDepsFromEnv, handleCallbackWebhook } from '@naxio/callback';
import { systemClock } from '@naxio/domain';
import { createPool, createEventStore, migrate, piiProtected, PostgresTenantDirectory, runtimeEnv, stopOnSignal, TelnyxWebhookVerifier } from '@naxio/infra';
import { buildIngress, LISTEN_BACKLOG } from './app';

// Receives Telnyx webhooks: PORT, DATABASE_URL, TELNYX_PUBLIC_KEY (base64 Ed25519 key from the portal).
// Our own calls are steered here as their webhooks arrive (given TELNYX_API_KEY): TELNYX_CONNECTION_ID, and
// ANTHROPIC_* as for the callback app, which dials them.
async function main() {
  const publicKey = process.env.TELNYX_PUBLIC_KEY;
  if (!publicKey) throw new Error('TELNYX_PUBLIC_KEY is not set: webhooks cannot be verified without it');
  const pool = createPool(runtimeEnv().databaseUrl);
  await migrate(pool);
  const store = piiProtected(createEventStore(process.env, pool), pool);
  const tenants = new PostgresTenantDirectory(pool);
  // Without an API key the ingress only records what arrives: nobody here may steer a call.
  const callback = process.env.TELNYX_API_KEY ? callbackDepsFromEnv({ pool, store, tenants, clock: systemClock }) : undefined;
  const app = await buildIngress({
    store,
    tenants,
    clock: systemClock,
    webhooks: new TelnyxWebhookVerifier(publicKey),
    ...(callback ? { voice: callback.voice, callbackCalls: (webhook) => handleCallbackWebhook(callback, webhook) } : {}),
    logger: true,
  });
  await app.listen({ port: Number(process.env.PORT ?? 3000), host: process.env.HOST ?? '0.0.0.0', backlog: LISTEN_BACKLOG });
  stopOnSignal(async () => {
    await app.close();
    await pool.end();
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
