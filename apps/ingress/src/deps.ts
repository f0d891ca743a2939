import type { Clock, EventStore, TenantDirectory, VoiceGateway } from '@naxio/domain';
import type { TelnyxWebhookVerifier } from '@naxio/infra';

export type IngressDeps = {
  store: EventStore;
  tenants: TenantDirectory;
  clock: Clock;
  /** Checks each webhook's signature with Telnyx's public key. */
  webhooks: TelnyxWebhookVerifier;
  /** Steers our own outbound calls (owner alerts, callbacks) as their webhooks arrive. */
  voice?: VoiceGateway;
  /** Jordan's call flow: gets every webhook of a callback call. */
  callbackCalls?: (webhook: { eventType: string; payload: Record<string, unknown>; state: { kind: 'callback'; leadId: string; attemptId: string } }) => Promise<{ status: string }>;
};
