import type { PoolClient } from 'pg';
import { type LeadEvent, type StoredEvent, trades } from '@naxio/domain';
import type { Projection } from '../projection';
import { tenantLocalDay, tenantTrade } from '../tenant-day';

/** The recovery funnel, in order. A lead is counted once per stage it reaches. */
export const funnelStages = ['missed', 'texted', 'replied', 'qualified', 'escalated', 'booked', 'synced'] as const;
export type FunnelStage = (typeof funnelStages)[number];

const handled = ['CallMissed', 'TextSent', 'ReplyReceived', 'LeadQualified', 'EmergencyEscalated', 'CallbackBooked', 'JobSynced'] as const;
type FunnelEvent = StoredEvent & Extract<LeadEvent, { type: (typeof handled)[number] }>;

/** A lead joins the funnel table at its first event, under its tenant's own trade until qualified. */
async function enter(tx: PoolClient, event: StoredEvent): Promise<void> {
  await tx.query(`INSERT INTO daily_funnel_leads (lead_id, tenant_id, trade) VALUES ($1, $2, ${tenantTrade('$2')}) ON CONFLICT DO NOTHING`, [
    event.metadata.streamId,
    event.metadata.tenantId,
  ]);
}

/**
 * The lead's first missed call gives it its day (tenant-local date of `calledAt`); stages it reached
 * before that (a lead that texted first) are counted now that it has one.
 */
async function date(tx: PoolClient, event: StoredEvent, calledAt: string): Promise<void> {
  await tx.query(
    `WITH dated AS (
       UPDATE daily_funnel_leads SET day = ${tenantLocalDay('$2', 'tenant_id')}
        WHERE lead_id = $1 AND day IS NULL RETURNING tenant_id, day, trade, reached)
     INSERT INTO daily_funnel (tenant_id, day, trade, stage, leads)
     SELECT tenant_id, day, trade, unnest(reached), 1 FROM dated
     ON CONFLICT (tenant_id, day, trade, stage) DO UPDATE SET leads = daily_funnel.leads + 1`,
    [event.metadata.streamId, calledAt],
  );
}

/** Marks the stage reached; counts it if this is the first time and the lead has a day. */
async function reach(tx: PoolClient, event: StoredEvent, stage: FunnelStage): Promise<void> {
  await tx.query(
    `WITH marked AS (
       UPDATE daily_funnel_leads SET reached = array_append(reached, $2::text)
        WHERE lead_id = $1 AND NOT ($2::text = ANY (reached)) RETURNING tenant_id, day, trade)
     INSERT INTO daily_funnel (tenant_id, day, trade, stage, leads)
     SELECT tenant_id, day, trade, $2::text, 1 FROM marked WHERE day IS NOT NULL
     ON CONFLICT (tenant_id, day, trade, stage) DO UPDATE SET leads = daily_funnel.leads + 1`,
    [event.metadata.streamId, stage],
  );
}

/** Qualification names the job's trade: the lead's counts move from its old trade to that one. */
async function moveTrade(tx: PoolClient, event: StoredEvent, trade: string): Promise<void> {
  await tx.query(
    `WITH old AS (
       SELECT lead_id, tenant_id, day, trade, reached FROM daily_funnel_leads WHERE lead_id = $1 AND trade <> $2::text),
     moved AS (
       UPDATE daily_funnel_leads l SET trade = $2::text FROM old WHERE l.lead_id = old.lead_id
       RETURNING old.tenant_id, old.day, old.trade, old.reached),
     uncounted AS (
       UPDATE daily_funnel f SET leads = f.leads - 1 FROM moved, unnest(moved.reached) AS r(stage)
        WHERE f.tenant_id = moved.tenant_id AND f.day = moved.day AND f.trade = moved.trade AND f.stage = r.stage)
     INSERT INTO daily_funnel (tenant_id, day, trade, stage, leads)
     SELECT moved.tenant_id, moved.day, $2::text, r.stage, 1 FROM moved, unnest(moved.reached) AS r(stage) WHERE moved.day IS NOT NULL
     ON CONFLICT (tenant_id, day, trade, stage) DO UPDATE SET leads = daily_funnel.leads + 1`,
    [event.metadata.streamId, trade],
  );
}

const isTrade = (serviceType: string) => (trades as readonly string[]).includes(serviceType);

async function applyFunnel(event: FunnelEvent, tx: PoolClient): Promise<void> {
  switch (event.type) {
    case 'CallMissed':
      await enter(tx, event);
      await date(tx, event, event.data.calledAt);
      return reach(tx, event, 'missed');
    case 'TextSent':
      return event.data.kind === 'owner-alert' ? undefined : reach(tx, event, 'texted');
    case 'ReplyReceived':
      await enter(tx, event);
      return reach(tx, event, 'replied');
    case 'LeadQualified':
      // "other" and "unknown" name no trade: the lead stays under its tenant's.
      if (isTrade(event.data.serviceType)) await moveTrade(tx, event, event.data.serviceType);
      return reach(tx, event, 'qualified');
    case 'EmergencyEscalated':
      return reach(tx, event, 'escalated');
    case 'CallbackBooked':
      return reach(tx, event, 'booked');
    case 'JobSynced':
      return reach(tx, event, 'synced');
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/**
 * Per tenant, trade and tenant-local day of the lead's first missed call: how many leads reached each
 * stage. Recovery rate = booked ÷ missed. The day and trade are the lead's, so a lead booked a week
 * after its call counts on the day of its call.
 */
export const dailyFunnel: Projection = {
  name: 'daily_funnel',
  handles: handled,
  tables: ['daily_funnel_leads', 'daily_funnel'],
  apply: (event, tx) => applyFunnel(event as FunnelEvent, tx),
};
