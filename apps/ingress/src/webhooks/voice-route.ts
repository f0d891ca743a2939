import type { FastifyInstance } from 'fastify';
import { leadDecider } from '@naxio/domain';
import { handleCommand, leadStreamId, presumedNew } from '@naxio/infra';
import { IngressError } from '../errors';
import type { IngressDeps } from '../deps';
import { recordCallDialled } from './call-dialled';
import { decodeCallState } from './client-state';
import { classifyVoiceWebhook } from './missed-call';
import { ownerAlertCallProgress } from './owner-alert-call';
import { verifiedEnvelope } from './telnyx-envelope';

export function voiceRoute(app: FastifyInstance, deps: IngressDeps): void {
  app.post('/webhooks/telnyx/voice', async (request) => {
    const envelope = await verifiedEnvelope(deps.webhooks, request.body as Buffer | undefined, request.headers);
    const ours = decodeCallState(envelope.data.payload.client_state);
    if (ours && envelope.data.event_type === 'call.initiated') return recordCallDialled(deps, envelope, ours);
    if (ours?.kind === 'owner-alert') return ownerAlertCallProgress(deps, envelope, ours.leadId);
    if (ours?.kind === 'callback') {
      if (!deps.callbackCalls) return { status: 'ignored', reason: 'no callback flow configured' };
      return deps.callbackCalls({ eventType: envelope.data.event_type, payload: envelope.data.payload, state: ours });
    }
    const verdict = classifyVoiceWebhook(envelope);
    if (verdict.kind === 'ignored') return { status: 'ignored', reason: verdict.reason };

    const { call } = verdict;
    // A hangup does not say which way the call went; the side that is a tenant's number does. Our own
    // callbacks are dialled from a tenant number, so they arrive here with the tenant as `from`.
    const tenant = await deps.tenants.byPhoneNumber(call.tenantPhone);
    if (!tenant && (await deps.tenants.byPhoneNumber(call.callerPhone))) return { status: 'ignored', reason: 'outbound call' };
    if (!tenant) throw new IngressError('unknown_tenant_number', `${call.tenantPhone} belongs to no tenant`);
    const leadId = leadStreamId(tenant.id, call.callerPhone);
    const context = { tenantId: tenant.id, now: deps.clock.now(), correlationId: envelope.data.id, causationId: null };
    // In a storm nearly every call is a first call: its lead is decided without a read, and a
    // returning caller's (or a retried webhook's) append conflicts and is decided on the stream.
    const { events } = await handleCommand(deps.store, leadDecider, leadId, { type: 'RecordMissedCall', data: call }, context, presumedNew());
    return { status: events.length > 0 ? 'recorded' : 'duplicate', leadId };
  });
}
