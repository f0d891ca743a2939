// Runs the sandbox on its own, for a demo running in another process.
// env: PORT, HOST, TELNYX_SANDBOX_API_KEY, VOICE_WEBHOOK_URL, MESSAGING_WEBHOOK_URL,
//      OWNED_NUMBERS (comma-separated E.164 numbers; unset = any `from` is accepted),
//      CONNECTION_ID (the Call Control application id dial must use; unset = any is accepted).
import { runSandboxProcess } from '@naxio/sandbox-kit';
import { startTelnyxSandbox } from './server';
import type { TelnyxSandboxOptions } from './types';

const DEFAULT_API_KEY = 'KEY_SANDBOX';
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

runSandboxProcess(
  () => startTelnyxSandbox(options),
  (sandbox) => ({
    settings: {
      TELNYX_BASE_URL: sandbox.baseUrl,
      TELNYX_PUBLIC_KEY: sandbox.publicKey,
      TELNYX_CONNECTION_ID: sandbox.connectionId,
      ...(env.TELNYX_SANDBOX_API_KEY ? {} : { TELNYX_API_KEY: DEFAULT_API_KEY }),
    },
    listening: `telnyx-sandbox listening; control API at ${sandbox.baseUrl.replace(/\/v2$/, '/sandbox')}`,
  }),
);
