import { type CallPurpose, type DialRequest, DialRefused, type EventStore, leadDecider, type VoiceGateway } from '@naxio/domain';
import { type CommandContext, handleCommand } from '../eventstore/command-handler';

export type ClaimedCall = { leadId: string; purpose: CallPurpose; claimId: string; request: DialRequest };

export type DialOutcome = { placed: true; callControlId: string } | { placed: false; detail: string };

type DialDeps = { store: EventStore; voice: VoiceGateway };

/**
 * Places a call claimed in the lead's stream and records that Telnyx took it (CallDialled), so the
 * claim is never dialled twice. `resumed` is a claim picked up again with no dial on record: the
 * process that claimed it may have died before dialling, or after the dial left but before it was
 * recorded, with the call's own call.initiated webhook not in yet. So Telnyx is asked first for a
 * live call carrying the claim's client_state; only when there is none is the call placed.
 * What can still ring twice: a death right after Telnyx took the dial, with the call over and its
 * webhooks not through the ingress by the time the claim comes back.
 */
export async function dialClaimedCall(deps: DialDeps, call: ClaimedCall, context: () => CommandContext, resumed: boolean): Promise<DialOutcome> {
  if (resumed) {
    const live = await deps.voice.liveCall(call.request.clientState);
    if (live) return recordDialled(deps, call, live.callControlId, 'live-calls', context);
  }
  let dialled: { callControlId: string };
  try {
    dialled = await deps.voice.dial(call.request);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    if (error instanceof DialRefused) return { placed: false, detail };
    // No answer to the dial: it may have gone through all the same.
    const live = await deps.voice.liveCall(call.request.clientState);
    return live ? recordDialled(deps, call, live.callControlId, 'live-calls', context) : { placed: false, detail };
  }
  // Outside the try: a failure to record is not a failed dial, and the claim's event comes again.
  return recordDialled(deps, call, dialled.callControlId, 'dial-answer', context);
}

async function recordDialled(deps: DialDeps, call: ClaimedCall, callControlId: string, seenBy: 'dial-answer' | 'live-calls', context: () => CommandContext): Promise<DialOutcome> {
  const command = { type: 'RecordCallDialled' as const, data: { purpose: call.purpose, claimId: call.claimId, callControlId, seenBy } };
  await handleCommand(deps.store, leadDecider, call.leadId, command, context());
  return { placed: true, callControlId };
}
