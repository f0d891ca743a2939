import type { Pool } from 'pg';
import type { ChaosCaller } from './cast';
import { ALL_APPS } from '../support/app-processes';
import type { ChaosSystem } from './chaos-system';

type Row = { stream_id: string; type: string; kind: string | null; message_id: string | null };

async function leadEvents(pool: Pool): Promise<Map<string, Row[]>> {
  const { rows } = await pool.query<Row>(`SELECT stream_id, type, data->>'kind' AS kind, data->>'messageId' AS message_id FROM events ORDER BY position`);
  const byLead = new Map<string, Row[]>();
  for (const row of rows) byLead.set(row.stream_id, [...(byLead.get(row.stream_id) ?? []), row]);
  return byLead;
}

const count = async (pool: Pool, sql: string) => Number((await pool.query<{ n: string }>(sql)).rows[0]!.n);

/**
 * Waits until the storm has worked through: every lead has its opening text, every booking reached
 * a CRM (or failed there, on the record), the read models hold every lead, and the store has been
 * quiet for a few seconds. Says which of these never happened, with each app's last log lines.
 */
export async function waitUntilSettled(system: ChaosSystem, leadIds: string[], cast: ChaosCaller[], timeoutMs = 6 * 60_000): Promise<void> {
  const { pool } = system;
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  let quietSince = Date.now();
  for (;;) {
    const state = {
      openings: await count(pool, `SELECT count(DISTINCT stream_id) AS n FROM events WHERE type = 'TextSent' AND data->>'kind' = 'opening'`),
      booked: await count(pool, `SELECT count(*) AS n FROM events WHERE type = 'CallbackBooked'`),
      synced: await count(pool, `SELECT count(*) AS n FROM events WHERE type IN ('JobSynced', 'JobSyncFailed')`),
      summaries: await count(pool, 'SELECT count(*) AS n FROM lead_summary').catch(() => 0),
      events: await count(pool, 'SELECT count(*) AS n FROM events'),
    };
    if (state.events !== last) [last, quietSince] = [state.events, Date.now()];
    const optedOut = cast.filter((c) => c.role === 'stop').length;
    const done = state.openings === leadIds.length && state.booked === state.synced && state.summaries === leadIds.length && Date.now() - quietSince > 8_000;
    if (done) return;
    if (Date.now() > deadline) {
      const tails = ALL_APPS.map((app) => `--- ${app}\n${system.apps.logTail(app, 8)}`).join('\n');
      throw new Error(`not settled: ${JSON.stringify({ ...state, leads: leadIds.length, optedOut })}\n${tails}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

export type ExactlyOnceReport = {
  leadsWithoutOneOpeningText: string[];
  textsSentTwice: string[];
  callsPlacedTwice: string[];
  crmJobsTwice: string[];
  crmJobs: number;
  jobSyncedEvents: number;
  /** Claims that no dial and no end settled: a crash around the dial that nothing picked up again. */
  callsLeftUndialled: string[];
  /** Per scripted part: how far each caller got (the last event of their stream), to read a failure by. */
  scripted: Record<string, Record<string, number>>;
};

const repeated = (values: string[]) => [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];

/** Compares what reached the vendors with what the event store says was done, lead by lead. */
export async function checkExactlyOnce(system: ChaosSystem, cast: ChaosCaller[], leadIds: string[]): Promise<ExactlyOnceReport> {
  const events = await leadEvents(system.pool);
  const { telnyx, jobber, housecallpro } = system.sandboxes;
  const report: ExactlyOnceReport = { leadsWithoutOneOpeningText: [], textsSentTwice: [], callsPlacedTwice: [], crmJobsTwice: [], crmJobs: 0, jobSyncedEvents: 0, callsLeftUndialled: [], scripted: {} };
  let ownerTexts = 0;
  for (const [i, c] of cast.entries()) {
    const history = events.get(leadIds[i]!) ?? [];
    if (c.role !== 'silent') {
      const reached = history.some((e) => e.type === 'JobSynced') ? 'JobSynced' : history.some((e) => e.type === 'CallbackBooked') ? 'CallbackBooked' : `last ${history.at(-1)?.type}`;
      const byRole = (report.scripted[c.role] ??= {});
      byRole[reached] = (byRole[reached] ?? 0) + 1;
    }
    const sent = history.filter((e) => e.type === 'TextSent');
    const openings = sent.filter((e) => e.kind === 'opening');
    const phone = telnyx.sentMessages().filter((m) => m.to === c.caller);
    if (openings.length !== 1 || !phone.some((m) => m.id === openings[0]!.message_id)) report.leadsWithoutOneOpeningText.push(`${c.caller} (${openings.length} opening texts recorded)`);
    const toCaller = sent.filter((e) => e.kind !== 'owner-alert');
    if (phone.length !== toCaller.length) report.textsSentTwice.push(`${c.caller}: ${phone.length} texts reached the phone, ${toCaller.length} recorded`);
    ownerTexts += sent.length - toCaller.length;
  }
  const owners = new Set(system.tenants.map((t) => t.ownerPhone));
  const textsToOwners = telnyx.sentMessages().filter((m) => owners.has(m.to)).length;
  if (textsToOwners !== ownerTexts) report.textsSentTwice.push(`owners: ${textsToOwners} texts reached them, ${ownerTexts} recorded`);
  Object.assign(report, await checkCalls(system, owners, new Map(leadIds.map((lead, i) => [lead, cast[i]!.caller]))));

  const jobberJobs = jobber.jobs().map((j) => j.title ?? '');
  const hcpJobs = housecallpro.jobs().map((j) => j.tags.find((t) => t.startsWith('naxio-')) ?? '');
  report.crmJobsTwice = repeated([...jobberJobs, ...hcpJobs]);
  report.crmJobs = jobberJobs.length + hcpJobs.length;
  report.jobSyncedEvents = await count(system.pool, `SELECT count(*) AS n FROM events WHERE type = 'JobSynced'`);
  return report;
}

/**
 * Every call that reached a phone is one CallDialled on its lead, and every claimed call was either
 * dialled or ended (a dial refused): a kill between claim and dial is made good, never doubled.
 * A lead has at most one call of each purpose, so (lead, purpose) names a claim.
 */
async function checkCalls(system: ChaosSystem, owners: Set<string>, callerOf: Map<string, string>): Promise<Pick<ExactlyOnceReport, 'callsPlacedTwice' | 'callsLeftUndialled'>> {
  const { rows } = await system.pool.query<{ stream_id: string; type: string; purpose: string | null; channel: string | null }>(
    `SELECT stream_id, type, data->>'purpose' AS purpose, data->>'channel' AS channel
       FROM events WHERE type IN ('CallbackStarted', 'CallbackEnded', 'OwnerAlerted', 'OwnerAlertFailed', 'CallDialled') ORDER BY position`,
  );
  const open = new Set<string>();
  const recorded = new Map<string, number>();
  for (const { stream_id: lead, type, purpose, channel } of rows) {
    if (type === 'CallbackStarted') open.add(`${lead} callback`);
    if (type === 'OwnerAlerted' && channel === 'call') open.add(`${lead} owner-alert`);
    if (type === 'CallbackEnded') open.delete(`${lead} callback`);
    if (type === 'OwnerAlertFailed' && channel === 'call') open.delete(`${lead} owner-alert`);
    if (type === 'CallDialled') {
      open.delete(`${lead} ${purpose}`);
      const to = purpose === 'owner-alert' ? 'owners' : (callerOf.get(lead) ?? lead);
      recorded.set(to, (recorded.get(to) ?? 0) + 1);
    }
  }
  const placed = new Map<string, number>();
  for (const call of system.sandboxes.telnyx.calls()) {
    const to = owners.has(call.to) ? 'owners' : call.to;
    placed.set(to, (placed.get(to) ?? 0) + 1);
  }
  const callsPlacedTwice = [...placed].filter(([to, n]) => n !== (recorded.get(to) ?? 0)).map(([to, n]) => `${to}: ${n} calls placed, ${recorded.get(to) ?? 0} recorded as dialled`);
  return { callsPlacedTwice, callsLeftUndialled: [...open] };
}

export type FunnelCounts = Record<'missed' | 'texted' | 'replied' | 'qualified' | 'escalated' | 'booked' | 'synced', number>;

/** The funnel counted straight from the events: leads that reached each stage. */
export async function funnelFromEvents(pool: Pool): Promise<FunnelCounts> {
  const leads = (where: string) => count(pool, `SELECT count(DISTINCT stream_id) AS n FROM events WHERE ${where}`);
  return {
    missed: await leads(`type = 'CallMissed'`),
    texted: await leads(`type = 'TextSent' AND data->>'kind' <> 'owner-alert'`),
    replied: await leads(`type = 'ReplyReceived'`),
    qualified: await leads(`type = 'LeadQualified'`),
    escalated: await leads(`type = 'EmergencyEscalated'`),
    booked: await leads(`type = 'CallbackBooked'`),
    synced: await leads(`type = 'JobSynced'`),
  };
}

/** The funnel as the read model holds it, once it has caught up with `expected` (or after 60 s). */
export async function fetchFunnel(pool: Pool, expected: FunnelCounts): Promise<FunnelCounts> {
  const read = async () => {
    const { rows } = await pool.query<{ stage: keyof FunnelCounts; leads: string }>('SELECT stage, sum(leads) AS leads FROM daily_funnel GROUP BY stage');
    const funnel = Object.fromEntries(Object.keys(expected).map((k) => [k, 0])) as FunnelCounts;
    for (const row of rows) funnel[row.stage] = Number(row.leads);
    return funnel;
  };
  for (const deadline = Date.now() + 60_000; ; await new Promise((r) => setTimeout(r, 1000))) {
    const funnel = await read();
    if (JSON.stringify(funnel) === JSON.stringify(expected) || Date.now() > deadline) return funnel;
  }
}
