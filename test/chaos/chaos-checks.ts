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
  /** Calls claimed by a process that died before dialling: at most once means some go unmade. */
  callsClaimedNotPlaced: number;
  /** Per scripted part: how far each caller got (the last event of their stream), to read a failure by. */
  scripted: Record<string, Record<string, number>>;
};

const repeated = (values: string[]) => [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];

/** Compares what reached the vendors with what the event store says was done, lead by lead. */
export async function checkExactlyOnce(system: ChaosSystem, cast: ChaosCaller[], leadIds: string[]): Promise<ExactlyOnceReport> {
  const events = await leadEvents(system.pool);
  const { telnyx, jobber, housecallpro } = system.sandboxes;
  const report: ExactlyOnceReport = { leadsWithoutOneOpeningText: [], textsSentTwice: [], callsPlacedTwice: [], crmJobsTwice: [], crmJobs: 0, jobSyncedEvents: 0, callsClaimedNotPlaced: 0, scripted: {} };
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
    const dialled = telnyx.calls().filter((call) => call.to === c.caller).length;
    const started = history.filter((e) => e.type === 'CallbackStarted').length;
    // A call is claimed before it is dialled and never dialled again: a crash in between leaves a
    // claim without a call (counted, not a failure); more calls than claims would be.
    if (dialled > started) report.callsPlacedTwice.push(`${c.caller}: ${dialled} calls placed, ${started} recorded`);
    report.callsClaimedNotPlaced += started - Math.min(dialled, started);
    ownerTexts += sent.length - toCaller.length;
  }
  const owners = new Set(system.tenants.map((t) => t.ownerPhone));
  const textsToOwners = telnyx.sentMessages().filter((m) => owners.has(m.to)).length;
  if (textsToOwners !== ownerTexts) report.textsSentTwice.push(`owners: ${textsToOwners} texts reached them, ${ownerTexts} recorded`);
  const callsToOwners = telnyx.calls().filter((call) => owners.has(call.to)).length;
  const ownerCallsRecorded = await count(system.pool, `SELECT count(*) AS n FROM events WHERE type = 'OwnerAlerted' AND data->>'channel' = 'call'`);
  if (callsToOwners > ownerCallsRecorded) report.callsPlacedTwice.push(`owners: ${callsToOwners} calls placed, ${ownerCallsRecorded} recorded`);
  report.callsClaimedNotPlaced += Math.max(0, ownerCallsRecorded - callsToOwners);

  const jobberJobs = jobber.jobs().map((j) => j.title ?? '');
  const hcpJobs = housecallpro.jobs().map((j) => j.tags.find((t) => t.startsWith('naxio-')) ?? '');
  report.crmJobsTwice = repeated([...jobberJobs, ...hcpJobs]);
  report.crmJobs = jobberJobs.length + hcpJobs.length;
  report.jobSyncedEvents = await count(system.pool, `SELECT count(*) AS n FROM events WHERE type = 'JobSynced'`);
  return report;
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
