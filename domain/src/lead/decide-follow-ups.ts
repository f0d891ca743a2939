import type { FireFollowUp } from './commands';
import type { FollowUpStep, LeadEvent } from './events';
import { type LeadState, reachableCaller } from './state';

/** Minutes after the opening text: 30 minutes, 24 hours, 3 days, 7 days. */
export const FOLLOW_UP_OFFSET_MINUTES: Record<FollowUpStep, number> = { 1: 30, 2: 24 * 60, 3: 3 * 24 * 60, 4: 7 * 24 * 60 };
export const FOLLOW_UP_STEPS: readonly FollowUpStep[] = [1, 2, 3, 4];

const plus = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

/** Someone is talking to us, or nobody may be texted: no sequence, or no more of it. */
const sequenceOver = (state: LeadState) => state.replies.length > 0 || state.optedOut || state.handedOff || state.booking !== null;

/** When the opening text is first confirmed, the whole sequence is put on the lead's clock. */
export function scheduleFollowUps(state: LeadState, sentAt: string): LeadEvent[] {
  if (state.followUps.length > 0 || sequenceOver(state)) return [];
  return [{ type: 'FollowUpsScheduled', data: { steps: FOLLOW_UP_STEPS.map((step) => ({ step, dueAt: plus(sentAt, FOLLOW_UP_OFFSET_MINUTES[step]) })) } }];
}

/**
 * A due step, in the order its checks matter:
 * - a later step is already due too (the scheduler was down): this one is skipped, so a late
 *   sequence sends its newest step only and never a burst;
 * - it would land within half its planned gap of the previous text: it waits (spacing);
 * - the recipient is in quiet hours: it waits for their window (quiet-hours);
 * - otherwise it fires, and the text is claimed in the same append.
 */
export function fireFollowUp(command: FireFollowUp, state: LeadState): LeadEvent[] {
  const { step, now, allowedFrom, text } = command.data;
  const followUp = state.followUps.find((f) => f.step === step);
  if (!followUp || followUp.status !== 'scheduled' || followUp.dueAt > now || sequenceOver(state)) return [];
  const to = reachableCaller(state);
  if (!to || !state.tenantPhone) return [];

  if (state.followUps.some((f) => f.step > step && f.status === 'scheduled' && f.dueAt <= now)) {
    return [{ type: 'FollowUpSkipped', data: { step, reason: 'overtaken' } }];
  }
  const previous = state.followUps.filter((f) => f.step < step && f.firedAt).at(-1);
  if (previous?.firedAt) {
    const halfGap = (FOLLOW_UP_OFFSET_MINUTES[step] - FOLLOW_UP_OFFSET_MINUTES[previous.step]) / 2;
    const earliest = plus(previous.firedAt, halfGap);
    if (earliest > now) return [{ type: 'FollowUpDeferred', data: { step, until: earliest, reason: 'spacing' } }];
  }
  if (allowedFrom > now) return [{ type: 'FollowUpDeferred', data: { step, until: allowedFrom, reason: 'quiet-hours' } }];
  return [
    { type: 'FollowUpFired', data: { step, firedAt: now } },
    {
      type: 'TextSendAttempted',
      data: { attemptId: `follow-up-${step}#1`, attempt: 1, kind: 'follow-up', from: state.tenantPhone, to, text },
    },
  ];
}
