// Runs the sandbox on its own, for a demo running in another process.
// env: PORT, HOST, TELNYX_SANDBOX_API_KEY, VOICE_WEBHOOK_URL, MESSAGING_WEBHOOK_URL,
//      OWNED_NUMBERS (comma-separated E.164 numbers; unset = any `from` is accepted),
//      CONNECTION_ID (the Call Control application id dial must use; unset = any is accepted).
import { startTelnyxSandbox } from './server';
import type { TelnyxSandboxOptions } from './types';

const DEFAULT_API_KEY = 'KEY_SANDBOX';

async function main(): Promise<void> {
  const env = process.env;
  const options: TelnyxSandboxOptions = {
    port: Number(env.PORT ?? 0),
    host: env.HOST ?? '127.0.0.1',
    apiKey: env.TELNYX_SANDBOX_API_KEY || DEFAULT_API_KEY,
  };
  if (env.VOICE_WEBHOOK_URL) options.voiceWebhookUrl = env.VOICE_WEBHOOK_URL;
  if (env.MESSAGING_WEBHOOK_URL) options.messagingWebhookUrl = env.MESSAGING_WEBHOOK_URL;
  const owned = env.OWNED_NUMBERS?.split(',').map((number) => number.trim()).filter(Boolean);
  if (owned && owned.length > 0) options.ownedNumbers = owned;
  if (env.CONNECTION_ID) options.connectionId = env.CONNECTION_ID;

  const sandbox = await startTelnyxSandbox(options);
  // KEY=value lines, so a demo script can `eval` or source them.
  console.log(`TELNYX_BASE_URL=${sandbox.baseUrl}`);
  console.log(`TELNYX_PUBLIC_KEY=${sandbox.publicKey}`);
  console.log(`TELNYX_CONNECTION_ID=${sandbox.connectionId}`);
  if (!env.TELNYX_SANDBOX_API_KEY) console.log(`TELNYX_API_KEY=${DEFAULT_API_KEY}`);
  console.error(`telnyx-sandbox listening; control API at ${sandbox.baseUrl.replace(/\/v2$/, '/sandbox')}`);

  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
