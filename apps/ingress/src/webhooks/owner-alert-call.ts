import { z } from 'zod';
import { type EmergencyEscalated, fold, leadDecider, ownerCallScript } from '@naxio/domain';
import { handleCommand } from '@naxio/infra';
import type { IngressDeps } from '../deps';
import { parseOrThrow, type TelnyxEnvelope } from './telnyx-envelope';

const callPayload = z.object({ call_control_id: z.string().min(1).max(400) });

/**
 * The owner's emergency call: its first webhook records that Telnyx has it (in case the process
 * that dialled died before saying so); once the owner picks up, the alert is read out. Everything
 * else about the call is noise.
 */
export async function ownerAlertCallProgress(deps: IngressDeps, envelope: TelnyxEnvelope, leadId: string) {
  if (envelope.data.event_type === 'call.initiated') return recordOwnerCallDialled(deps, envelope, leadId);
  if (envelope.data.event_type !== 'call.answered') return { status: 'ignored', reason: `owner alert call: ${envelope.data.event_type}` };
  if (!deps.voice) return { status: 'ignored', reason: 'no voice gateway configured' };
  const { call_control_id } = parseOrThrow(callPayload, envelope.data.payload, 'call.answered payload');
  const { events } = await deps.store.readStream(leadId);
  const escalation = events.find((e) => e.type === 'EmergencyEscalated');
  const tenant = events[0] ? await deps.tenants.byId(events[0].metadata.tenantId) : undefined;
  if (!escalation || !tenant) return { status: 'ignored', reason: 'no escalation on this lead' };
  const state = fold(leadDecider, events as never[]);
  const { summary, address } = escalation.data as EmergencyEscalated['data'];
  await deps.voice.speak(call_control_id, ownerCallScript(tenant, { callerPhone: state.callerPhone ?? 'unknown', summary, address }));
  return { status: 'spoken', leadId };
}

async function recordOwnerCallDialled(deps: IngressDeps, envelope: TelnyxEnvelope, leadId: string) {
  const { call_control_id } = parseOrThrow(callPayload, envelope.data.payload, 'call.initiated payload');
  const read = await deps.store.readStream(leadId);
  const { events } = read;
  const claim = fold(leadDecider, events as never[]).claimedCalls.find((c) => c.purpose === 'owner-alert');
  if (!claim || !events[0]) return { status: 'ignored', reason: 'no owner call claimed on this lead' };
  const context = { tenantId: events[0].metadata.tenantId, now: deps.clock.now(), correlationId: envelope.data.id, causationId: null };
  const data = { purpose: 'owner-alert' as const, claimId: claim.claimId, callControlId: call_control_id, seenBy: 'call-webhook' as const };
  const recorded = await handleCommand(deps.store, leadDecider, leadId, { type: 'RecordCallDialled', data }, context, read);
  return { status: recorded.events.length > 0 ? 'recorded' : 'duplicate', leadId };
}
