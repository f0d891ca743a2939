import { createTelnyxClient, telnyxSettingsFromEnv } from './telnyx-client';
import { TelnyxSmsGateway } from './telnyx-sms-gateway';
import { TelnyxVoiceGateway } from './telnyx-voice-gateway';

/** SMS and Call Control gateways from TELNYX_* settings, for the apps' entry points. */
export function telnyxGatewaysFromEnv(env = process.env) {
  const settings = telnyxSettingsFromEnv(env);
  const client = createTelnyxClient(settings);
  const connectionId = env.TELNYX_CONNECTION_ID ?? '';
  return {
    sms: new TelnyxSmsGateway(client, settings.messagingProfileId),
    voice: new TelnyxVoiceGateway(client, connectionId),
    receiptBaseUrl: env.PUBLIC_WEBHOOK_URL,
  };
}
