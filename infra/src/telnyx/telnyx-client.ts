import Telnyx from 'telnyx';

export type TelnyxSettings = {
  apiKey: string;
  /** The sandbox in tests and the demo; Telnyx itself when unset. */
  baseUrl?: string;
  /** Base64 Ed25519 key that webhooks are verified with. */
  publicKey?: string;
  messagingProfileId?: string;
};

export function telnyxSettingsFromEnv(env = process.env): TelnyxSettings {
  if (!env.TELNYX_API_KEY) throw new Error('TELNYX_API_KEY is not set');
  return {
    apiKey: env.TELNYX_API_KEY,
    baseUrl: env.TELNYX_BASE_URL,
    publicKey: env.TELNYX_PUBLIC_KEY,
    messagingProfileId: env.TELNYX_MESSAGING_PROFILE_ID,
  };
}

/**
 * The official SDK with our own retry policy: the SDK's automatic retries are off because a retried
 * send after a timeout can text the caller twice; each attempt is instead an event we can audit.
 */
export function createTelnyxClient(settings: TelnyxSettings): Telnyx {
  return new Telnyx({
    apiKey: settings.apiKey,
    baseURL: settings.baseUrl ?? null,
    publicKey: settings.publicKey ?? null,
    maxRetries: 0,
    timeout: 10_000,
  });
}
