import { DomainRuleViolated } from '../decider/decider';
import type { RecordCallDialled } from './commands';
import type { CallPurpose, LeadEvent } from './events';
import type { ClaimedCall, LeadState } from './state';

/**
 * A claim whose call nobody has seen leave: the process that claimed it died before dialling, or
 * before it could record the dial. Whoever picks the claim up again checks with Telnyx first.
 */
export function undialledClaim(state: LeadState, purpose: CallPurpose, claimId: string): ClaimedCall | undefined {
  return state.claimedCalls.find((c) => c.purpose === purpose && c.claimId === claimId && c.status === 'claimed');
}

export function recordCallDialled(command: RecordCallDialled, state: LeadState): LeadEvent[] {
  const { purpose, claimId } = command.data;
  const claim = state.claimedCalls.find((c) => c.purpose === purpose && c.claimId === claimId);
  if (!claim) throw new DomainRuleViolated('unknown_call', `no ${purpose} call ${claimId} was claimed on this lead`);
  // The dial's answer and the call's first webhook race to say the same thing: the first one stands.
  return claim.status === 'claimed' ? [{ type: 'CallDialled', data: command.data }] : [];
}
