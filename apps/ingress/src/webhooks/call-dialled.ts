import { z } from 'zod';
import { fold, leadDecider } from '@naxio/domain';
import { handleCommand } from '@naxio/infra';
import type { IngressDeps } from '../deps';
import type { CallState } from './client-state';
import { parseOrThrow, type TelnyxEnvelope } from './telnyx-envelope';

/** What every Call Control webhook of a call carries, and all our own calls' handlers need. */
export const callPayload = z.object({ call_control_id: z.string().min(1).max(400) });

/**
 * The first webhook of one of our own calls (Jordan's or the owner's alert): Telnyx has the call.
 * Recorded here as well as by the process that dialled, in case it died before it could say so. A
 * lead has one owner call at most, so the owner's client_state needs to name no claim.
 */
export async function recordCallDialled(deps: IngressDeps, envelope: TelnyxEnvelope, ours: CallState) {
  const { call_control_id } = parseOrThrow(callPayload, envelope.data.payload, 'call.initiated payload');
  const read = await deps.store.readStream(ours.leadId);
  const first = read.events[0];
  const claims = fold(leadDecider, read.events as never[]).claimedCalls;
  const claim = claims.find((c) => c.purpose === ours.kind && (ours.kind === 'owner-alert' || c.claimId === ours.attemptId));
  if (!claim || !first) return { status: 'ignored', reason: `no ${ours.kind} call claimed on this lead` };
  const context = { tenantId: first.metadata.tenantId, now: deps.clock.now(), correlationId: envelope.data.id, causationId: null };
  const data = { purpose: ours.kind, claimId: claim.claimId, callControlId: call_control_id, seenBy: 'call-webhook' as const };
  const recorded = await handleCommand(deps.store, leadDecider, ours.leadId, { type: 'RecordCallDialled', data }, context, read);
  return { status: recorded.events.length > 0 ? 'recorded' : 'duplicate', leadId: ours.leadId };
}
