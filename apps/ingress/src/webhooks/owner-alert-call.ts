import { type EmergencyEscalated, fold, leadDecider, ownerCallScript } from '@naxio/domain';
import type { IngressDeps } from '../deps';
import { callPayload } from './call-dialled';
import { parseOrThrow, type TelnyxEnvelope } from './telnyx-envelope';

/** The owner picked up the emergency call: read the alert out. Everything else about the call is noise. */
export async function ownerAlertCallProgress(deps: IngressDeps, envelope: TelnyxEnvelope, leadId: string) {
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
