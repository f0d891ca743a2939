export { startTelnyxSandbox } from './server';
export { SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signing';
export { webhookBody, type WebhookEvent } from './webhook-delivery';
export type {
  CalleeScript,
  CallCommand,
  DialedCall,
  DialedCallStatus,
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
