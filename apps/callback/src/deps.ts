import type { CallScriptWriter, Clock, SlotReservations, TenantDirectory, VoiceGateway } from '@naxio/domain';
import type { SendDeps } from '@naxio/texter';

export type CallbackDeps = SendDeps & {
  tenants: TenantDirectory;
  voice: VoiceGateway;
  reservations: SlotReservations;
  clock: Clock;
  /** Writes Jordan's opening words; the template when absent. */
  callScript?: CallScriptWriter;
  log?: (message: string) => void;
};

/** Ties every webhook of Jordan's call to its lead and attempt (Telnyx echoes it, base64). */
export type CallbackCallState = { kind: 'callback'; leadId: string; attemptId: string };

export const encodeCallState = (state: CallbackCallState) => Buffer.from(JSON.stringify(state)).toString('base64');
