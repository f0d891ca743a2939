import type { Pool } from 'pg';
import type { FollowUpDeferred, FollowUpScheduled, FollowUpsCancelled, FollowUpsScheduled, LeadEventType, StoredEvent } from '@naxio/domain';

export type DueTimer = { leadId: string; step: 1 | 2 | 3 | 4; tenantId: string; dueAt: Date };

/** The events `indexTimerEvent` acts on. */
export const TIMER_INDEX_TRIGGERS: readonly LeadEventType[] = ['FollowUpScheduled', 'FollowUpsScheduled', 'FollowUpDeferred', 'FollowUpsCancelled', 'FollowUpSkipped'];

/**
 * Keeps `follow_up_timers` in step with the lead streams. Every statement is idempotent, so Kafka's
 * redelivery is harmless; a stale insert after a fire only makes a scheduler look once more and find
 * nothing to do.
 */
export async function indexTimerEvent(pool: Pool, event: StoredEvent): Promise<void> {
  const { streamId: leadId, tenantId } = event.metadata;
  switch (event.type) {
    case 'FollowUpScheduled':
      return addTimers(pool, leadId, tenantId, [(event as StoredEvent<'FollowUpScheduled', FollowUpScheduled['data']>).data]);
    case 'FollowUpsScheduled':
      return addTimers(pool, leadId, tenantId, (event as StoredEvent<'FollowUpsScheduled', FollowUpsScheduled['data']>).data.steps);
    case 'FollowUpDeferred': {
      const { step, until } = (event as StoredEvent<'FollowUpDeferred', FollowUpDeferred['data']>).data;
      await pool.query('UPDATE follow_up_timers SET due_at = $3, claimed_until = NULL WHERE lead_id = $1 AND step = $2', [leadId, step, until]);
      return;
    }
    case 'FollowUpsCancelled': {
      const { steps } = (event as StoredEvent<'FollowUpsCancelled', FollowUpsCancelled['data']>).data;
      await pool.query('DELETE FROM follow_up_timers WHERE lead_id = $1 AND step = ANY($2::int[])', [leadId, steps]);
      return;
    }
    case 'FollowUpSkipped':
      await pool.query('DELETE FROM follow_up_timers WHERE lead_id = $1 AND step = $2', [leadId, (event.data as { step: number }).step]);
      return;
    // A fired step stays until its text is settled: the scheduler removes it then (fire-timer.ts).
    default:
      return;
  }
}

async function addTimers(pool: Pool, leadId: string, tenantId: string, steps: ReadonlyArray<{ step: number; dueAt: string }>): Promise<void> {
  await pool.query(
    `INSERT INTO follow_up_timers (lead_id, step, tenant_id, due_at)
     SELECT $1, step, $2, due_at FROM unnest($3::int[], $4::timestamptz[]) AS t(step, due_at)
     ON CONFLICT (lead_id, step) DO NOTHING`,
    [leadId, tenantId, steps.map((s) => s.step), steps.map((s) => s.dueAt)],
  );
}

/**
 * Takes up to `limit` due timers for this scheduler for `leaseMs`, in a short transaction of its own:
 * holding row locks while texting would also hold back every reader of the global event order.
 * SKIP LOCKED and the lease keep two schedulers off the same timer; the decider makes a step fire
 * once even if they meet.
 */
export async function claimDueTimers(pool: Pool, now: Date, limit: number, leaseMs: number): Promise<DueTimer[]> {
  const result = await pool.query<{ lead_id: string; step: 1 | 2 | 3 | 4; tenant_id: string; due_at: Date }>(
    `UPDATE follow_up_timers SET claimed_until = $2
      WHERE (lead_id, step) IN (
        SELECT lead_id, step FROM follow_up_timers
         WHERE due_at <= $1 AND (claimed_until IS NULL OR claimed_until < $1)
         ORDER BY due_at LIMIT $3 FOR UPDATE SKIP LOCKED)
      RETURNING lead_id, step, tenant_id, due_at`,
    [now, new Date(now.getTime() + leaseMs), limit],
  );
  return result.rows.map((r) => ({ leadId: r.lead_id, step: r.step, tenantId: r.tenant_id, dueAt: r.due_at }));
}

export async function rescheduleTimer(pool: Pool, timer: DueTimer, dueAt: Date): Promise<void> {
  await pool.query('UPDATE follow_up_timers SET due_at = $3, claimed_until = NULL WHERE lead_id = $1 AND step = $2', [timer.leadId, timer.step, dueAt]);
}

export async function dropTimer(pool: Pool, timer: DueTimer): Promise<void> {
  await pool.query('DELETE FROM follow_up_timers WHERE lead_id = $1 AND step = $2', [timer.leadId, timer.step]);
}
