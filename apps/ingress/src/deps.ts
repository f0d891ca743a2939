import type Telnyx from 'telnyx';
import type { Clock, EventStore, TenantDirectory, VoiceGateway } from '@naxio/domain';

export type IngressDeps = {
  store: EventStore;
  tenants: TenantDirectory;
  clock: Clock;
  /** Used only to verify webhook signatures with Telnyx's public key. */
  telnyx: Telnyx;
  /** Steers our own outbound calls (owner alerts, callbacks) as their webhooks arrive. */
  voice?: VoiceGateway;
  /** Jordan's call flow: gets every webhook of a callback call. */
  callbackCalls?: (webhook: { eventType: string; payload: Record<string, unknown>; state: { kind: 'callback'; leadId: string; attemptId: string } }) => Promise<{ status: string }>;
};
