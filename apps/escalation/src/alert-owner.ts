import {
  type Clock,
  type EmergencyEscalated,
  type LeadEventType,
  type StoredEvent,
  type TenantDirectory,
  type VoiceGateway,
  fold,
  leadDecider,
  ownerAlertText,
  undialledClaim,
} from '@naxio/domain';
import { type CommandContext, dialClaimedCall, handleCommand } from '@naxio/infra';
import { type SendDeps, sendLeadText } from '@naxio/texter';

export type EscalationDeps = SendDeps & {
  tenants: TenantDirectory;
  voice: VoiceGateway;
  clock: Clock;
  log?: (message: string) => void;
};

/** Tags the owner's alert call so the answered webhook can find the lead and read out the alert. */
export type OwnerCallState = { kind: 'owner-alert'; leadId: string };

export const encodeClientState = (state: OwnerCallState) => Buffer.from(JSON.stringify(state)).toString('base64');

/** The events `alertOwner` acts on. */
export const OWNER_ALERT_TRIGGERS: readonly LeadEventType[] = ['EmergencyEscalated'];

/**
 * On EmergencyEscalated: a text and a phone call to the owner, whatever the hour. Each is claimed in
 * the lead's stream before it leaves, so a redelivery or a crash never alerts twice; a claim that a
 * crash left undialled is carried out when the event comes again.
 */
export async function alertOwner(deps: EscalationDeps, event: StoredEvent): Promise<void> {
  if (event.type !== 'EmergencyEscalated') return;
  const escalation = (event as StoredEvent<'EmergencyEscalated', EmergencyEscalated['data']>).data;
  const { streamId: leadId, tenantId, eventId, correlationId } = event.metadata;
  const tenant = await deps.tenants.byId(tenantId);
  if (!tenant) return deps.log?.(`escalation: lead ${leadId} belongs to unknown tenant ${tenantId}`);
  const context = (): CommandContext => ({ tenantId, now: deps.clock.now(), correlationId, causationId: eventId });
  const state = fold(leadDecider, (await deps.store.readStream(leadId)).events as never[]);
  const facts = { callerPhone: state.callerPhone ?? 'unknown number', summary: escalation.summary, address: escalation.address };

  await sendLeadText(deps, { leadId, kind: 'owner-alert', requestId: eventId, text: ownerAlertText(tenant, facts), recipient: escalation.ownerPhone, context });

  const resumed = undialledClaim(state, 'owner-alert', eventId) !== undefined;
  if (!resumed) {
    const claimed = await handleCommand(deps.store, leadDecider, leadId, { type: 'StartOwnerCall', data: { requestId: eventId } }, context());
    if (claimed.events.length === 0) return;
  }
  const request = { from: tenant.phoneNumbers[0]!, to: escalation.ownerPhone, clientState: encodeClientState({ kind: 'owner-alert', leadId }) };
  const dialled = await dialClaimedCall(deps, { leadId, purpose: 'owner-alert', claimId: eventId, request }, context, resumed);
  if (dialled.placed) return;
  const failure = { channel: 'call' as const, code: 'dial_failed', detail: dialled.detail };
  await handleCommand(deps.store, leadDecider, leadId, { type: 'RecordOwnerAlertFailure', data: failure }, context());
}
