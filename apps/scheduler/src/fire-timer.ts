import type { Pool } from 'pg';
import {
  type Clock,
  type LeadState,
  type TenantDirectory,
  type TextSendAttempted,
  fold,
  leadDecider,
  nextAllowedSendTime,
  recipientLocation,
  renderFollowUpText,
} from '@naxio/domain';
import { type CommandContext, handleCommand } from '@naxio/infra';
import { deliverAttempt, type SendDeps, sendLeadText, TransientSendFailure } from '@naxio/texter';
import { type DueTimer, dropTimer, rescheduleTimer } from './timer-index';

export type SchedulerDeps = SendDeps & { pool: Pool; tenants: TenantDirectory; clock: Clock; log?: (message: string) => void };

/** A transient SMS failure is retried this long after, from the same timer. */
const RETRY_AFTER_MS = 60_000;

const requestIdOf = (step: number) => `follow-up-${step}`;

/** Where the lead is, for quiet hours: what they told us, else their area code, else the tenant's zone. */
function recipientOf(state: LeadState, tenantTimezone: string) {
  const area = state.qualification?.serviceArea;
  return recipientLocation({ statedZip: area?.zip ?? undefined, statedCity: area?.city ?? undefined, phone: state.callerPhone ?? '', tenantTimezone });
}

/**
 * Handles one due timer. The decider decides (fire, wait, skip or nothing); this only carries it out
 * and keeps the timer row in step: dropped once the step is settled, moved when it must wait.
 */
export async function fireTimer(deps: SchedulerDeps, timer: DueTimer, now: Date): Promise<void> {
  const tenant = await deps.tenants.byId(timer.tenantId);
  if (!tenant) return dropTimer(deps.pool, timer);
  const { events } = await deps.store.readStream(timer.leadId);
  const state = fold(leadDecider, events as never[]);
  const followUp = state.followUps.find((f) => f.step === timer.step);
  const context = (): CommandContext => ({ tenantId: timer.tenantId, now: deps.clock.now(), correlationId: `${timer.leadId}:follow-up:${timer.step}`, causationId: null });
  const text = renderFollowUpText(tenant, timer.step);

  if (followUp?.status === 'fired') return settleFiredStep(deps, timer, state, text, context);
  if (followUp?.status !== 'scheduled') return dropTimer(deps.pool, timer);

  const allowedFrom = nextAllowedSendTime(now, recipientOf(state, tenant.timezone)).toISOString();
  const command = { type: 'FireFollowUp' as const, data: { step: timer.step, now: now.toISOString(), allowedFrom, text } };
  const { events: decided } = await handleCommand(deps.store, leadDecider, timer.leadId, command, context());
  const deferred = decided.find((e) => e.type === 'FollowUpDeferred');
  if (deferred) return rescheduleTimer(deps.pool, timer, new Date(deferred.data.until));
  const attempt = decided.find((e): e is TextSendAttempted => e.type === 'TextSendAttempted');
  if (!attempt) return followUp.dueAt > now.toISOString() ? rescheduleTimer(deps.pool, timer, new Date(followUp.dueAt)) : dropTimer(deps.pool, timer);
  await settle(deps, timer, () => deliverAttempt(deps, timer.leadId, attempt, context));
}

/** A step that fired earlier: retry its text only after a failure the carrier reported as passing. */
async function settleFiredStep(deps: SchedulerDeps, timer: DueTimer, state: LeadState, text: string, context: () => CommandContext) {
  const last = state.attempts.filter((a) => a.requestId === requestIdOf(timer.step)).at(-1);
  if (last?.outcome !== 'failed-retryable') return dropTimer(deps.pool, timer);
  await settle(deps, timer, () => sendLeadText(deps, { leadId: timer.leadId, kind: 'follow-up', requestId: requestIdOf(timer.step), text, context }));
}

async function settle(deps: SchedulerDeps, timer: DueTimer, send: () => Promise<unknown>) {
  try {
    await send();
    await dropTimer(deps.pool, timer);
  } catch (error) {
    if (!(error instanceof TransientSendFailure)) throw error;
    await rescheduleTimer(deps.pool, timer, new Date(deps.clock.now().getTime() + RETRY_AFTER_MS));
  }
}
