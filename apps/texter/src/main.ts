import { createTelnyxClient, runConsumerProcess, telnyxSettingsFromEnv, TelnyxSmsGateway } from '@naxio/infra';
import { OPENING_TEXT_TRIGGERS, sendOpeningText } from './send-opening-text';
import { TEXTER_GROUP } from './texter';

// Sends opening texts: DATABASE_URL, KAFKA_BROKERS, TELNYX_API_KEY, TELNYX_BASE_URL (optional),
// TELNYX_MESSAGING_PROFILE_ID, PUBLIC_WEBHOOK_URL (the ingress, for delivery receipts).
runConsumerProcess(TEXTER_GROUP, OPENING_TEXT_TRIGGERS, (basics) => {
  const telnyx = telnyxSettingsFromEnv();
  const sms = new TelnyxSmsGateway(createTelnyxClient(telnyx), telnyx.messagingProfileId);
  return (event) => sendOpeningText({ ...basics, sms, receiptBaseUrl: process.env.PUBLIC_WEBHOOK_URL }, event);
});
