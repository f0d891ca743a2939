import type { PoolClient } from 'pg';
import { type LeadTable, leadsWithHistory, loadLeadRows, saveLeadRows } from '../lead-rows';
import type { ProjectedEvent, Projection } from '../projection';
import { loadTenants } from '../tenants';
import { type FunnelChanges, type FunnelCount, type FunnelLeadRow, type FunnelLoaded, dailyFunnelReads, foldDailyFunnel, funnelEventTypes } from './daily-funnel-fold';

export { type FunnelStage, funnelStages } from './daily-funnel-fold';

const leadTable: LeadTable<FunnelLeadRow> = { name: 'daily_funnel_leads', columns: ['lead_id', 'tenant_id', 'trade', 'day', 'reached'] };

/** Count changes are added to what is there, so consumers of other partitions never undo each other's. */
async function addCounts(tx: PoolClient, counts: readonly FunnelCount[]): Promise<void> {
  if (counts.length === 0) return;
  await tx.query(
    `INSERT INTO daily_funnel (tenant_id, day, trade, stage, leads)
     SELECT tenant_id, day, trade, stage, leads FROM json_populate_recordset(NULL::daily_funnel, $1)
     ON CONFLICT (tenant_id, day, trade, stage) DO UPDATE SET leads = daily_funnel.leads + EXCLUDED.leads`,
    [JSON.stringify(counts)],
  );
}

/** The lead rows, and the tenants of the leads that may enter the funnel or be given a day. */
async function load(tx: PoolClient, events: readonly ProjectedEvent[]): Promise<FunnelLoaded> {
  const leads = await loadLeadRows(tx, leadTable, leadsWithHistory(events));
  const entering = events.filter((e) => e.type === 'CallMissed' || e.type === 'ReplyReceived').map((e) => e.metadata.tenantId);
  const tenants = await loadTenants(tx, [...entering, ...[...leads.values()].map((l) => l.tenant_id)]);
  return { leads, tenants };
}

/**
 * Per tenant, trade and tenant-local day of the lead's first missed call: how many leads reached each
 * stage. Recovery rate = booked ÷ missed. The day and trade are the lead's, so a lead booked a week
 * after its call counts on the day of its call.
 */
export const dailyFunnel: Projection<FunnelLoaded, FunnelChanges> = {
  name: 'daily_funnel',
  handles: funnelEventTypes,
  tables: [leadTable.name, 'daily_funnel'],
  reads: dailyFunnelReads,
  load,
  fold: foldDailyFunnel,
  async save(tx, changes) {
    await saveLeadRows(tx, leadTable, changes.leads);
    await addCounts(tx, changes.counts);
  },
};
