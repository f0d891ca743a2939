export { startTelnyxSandbox } from './server';
export { SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signing';
export { webhookBody, type WebhookEvent } from './webhook-delivery';
export type {
  CallCommand,
  HangupCause,
  InboundSms,
  PlacedCall,
  RingOutCall,
  SentMessage,
  TelnyxSandbox,
  TelnyxSandboxOptions,
  WebhookDelivery,
  WebhookRetryPolicy,
} from './types';
