import { type LeadEvent, trades } from '@naxio/domain';
import { type LeadRowChanges, LeadRows } from '../lead-rows';
import type { DataRead, ProjectedEvent } from '../projection';
import { localDay, settingsOf, type Tenants } from '../tenants';

/** The recovery funnel, in order. A lead is counted once per stage it reaches. */
export const funnelStages = ['missed', 'texted', 'replied', 'qualified', 'escalated', 'booked', 'synced'] as const;
export type FunnelStage = (typeof funnelStages)[number];

export const funnelEventTypes = ['CallMissed', 'TextSent', 'ReplyReceived', 'LeadQualified', 'EmergencyEscalated', 'CallbackBooked', 'JobSynced'] as const;
type FunnelEvent = ProjectedEvent & Extract<LeadEvent, { type: (typeof funnelEventTypes)[number] }>;

export const dailyFunnelReads: DataRead = { CallMissed: ['calledAt'], TextSent: ['kind'], LeadQualified: ['serviceType'] };

/** A row of `daily_funnel_leads`: the lead's day (null before its first missed call), trade and stages. */
export type FunnelLeadRow = { lead_id: string; tenant_id: string; trade: string; day: string | null; reached: string[] };

/** A change to one count of `daily_funnel`; zero still creates the row, as a count moved away leaves one. */
export type FunnelCount = { tenant_id: string; day: string; trade: string; stage: string; leads: number };

export type FunnelLoaded = { leads: ReadonlyMap<string, FunnelLeadRow>; tenants: Tenants };
export type FunnelChanges = { leads: LeadRowChanges<FunnelLeadRow>; counts: FunnelCount[] };

/**
 * Counts added up per (tenant, day, trade, stage): a page of events makes one change per count. Keyed
 * level by level with the row's own strings, whose hashes are kept, rather than by a joined key that
 * a rebuild would build and hash a million times.
 */
class CountChanges {
  private readonly counts = new Map<string, Map<string, Map<string, Map<string, FunnelCount>>>>();

  add(lead: FunnelLeadRow, stage: string, leads: number): void {
    if (lead.day === null) return;
    const byStage = within(within(within(this.counts, lead.tenant_id), lead.day), lead.trade);
    const count = byStage.get(stage);
    if (count) count.leads += leads;
    else byStage.set(stage, { tenant_id: lead.tenant_id, day: lead.day, trade: lead.trade, stage, leads });
  }

  all(): FunnelCount[] {
    return [...this.counts.values()].flatMap((days) => [...days.values()].flatMap((trades) => [...trades.values()].flatMap((stages) => [...stages.values()])));
  }
}

function within<V>(map: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let inner = map.get(key);
  if (!inner) map.set(key, (inner = new Map()));
  return inner;
}

const isTrade = (serviceType: string) => (trades as readonly string[]).includes(serviceType);

class FunnelFold {
  readonly rows: LeadRows<FunnelLeadRow>;
  readonly counts = new CountChanges();
  constructor(private readonly loaded: FunnelLoaded) {
    this.rows = new LeadRows(loaded.leads, (row) => ({ ...row, reached: [...row.reached] }));
  }

  /** A lead joins the funnel table at its first call or reply, under its tenant's own trade until qualified. */
  enter(event: FunnelEvent): void {
    const lead = event.metadata.streamId;
    if (this.rows.get(lead)) return;
    const trade = settingsOf(this.loaded.tenants, event.metadata.tenantId).trade;
    this.rows.add(lead, { lead_id: lead, tenant_id: event.metadata.tenantId, trade, day: null, reached: [] });
  }

  /**
   * The lead's first missed call gives it its day (tenant-local date of `calledAt`); stages it reached
   * before that (a lead that texted first) are counted now that it has one.
   */
  date(event: FunnelEvent, calledAt: string): void {
    if (this.rows.get(event.metadata.streamId)?.day !== null) return;
    const row = this.rows.edit(event.metadata.streamId)!;
    row.day = localDay(calledAt, settingsOf(this.loaded.tenants, row.tenant_id).timezone);
    for (const stage of row.reached) this.counts.add(row, stage, 1);
  }

  /** Marks the stage reached; counts it if this is the first time and the lead has a day. */
  reach(event: FunnelEvent, stage: FunnelStage): void {
    const found = this.rows.get(event.metadata.streamId);
    if (!found || found.reached.includes(stage)) return;
    const row = this.rows.edit(event.metadata.streamId)!;
    row.reached.push(stage);
    this.counts.add(row, stage, 1);
  }

  /** Qualification names the job's trade: the lead's counts move from its old trade to that one. */
  moveTrade(event: FunnelEvent, trade: string): void {
    const found = this.rows.get(event.metadata.streamId);
    if (!found || found.trade === trade) return;
    const row = this.rows.edit(event.metadata.streamId)!;
    for (const stage of row.reached) this.counts.add(row, stage, -1);
    row.trade = trade;
    for (const stage of row.reached) this.counts.add(row, stage, 1);
  }

  apply(event: FunnelEvent): void {
    switch (event.type) {
      case 'CallMissed':
        this.enter(event);
        this.date(event, event.data.calledAt);
        return this.reach(event, 'missed');
      case 'TextSent':
        return event.data.kind === 'owner-alert' ? undefined : this.reach(event, 'texted');
      case 'ReplyReceived':
        this.enter(event);
        return this.reach(event, 'replied');
      case 'LeadQualified':
        // "other" and "unknown" name no trade: the lead stays under its tenant's.
        if (isTrade(event.data.serviceType)) this.moveTrade(event, event.data.serviceType);
        return this.reach(event, 'qualified');
      case 'EmergencyEscalated':
        return this.reach(event, 'escalated');
      case 'CallbackBooked':
        return this.reach(event, 'booked');
      case 'JobSynced':
        return this.reach(event, 'synced');
      default: {
        const _exhaustive: never = event;
        return _exhaustive;
      }
    }
  }
}

/** The lead rows and the count changes the events make, from the lead rows they found. */
export function foldDailyFunnel(loaded: FunnelLoaded, events: readonly ProjectedEvent[]): FunnelChanges {
  const fold = new FunnelFold(loaded);
  for (const event of events) fold.apply(event as FunnelEvent);
  return { leads: fold.rows.changes(), counts: fold.counts.all() };
}
