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
};
