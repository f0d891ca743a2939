// Fault tolerance under a storm: 2,000 missed calls while every consumer kind and the relay are
// killed with SIGKILL at random moments, the Kafka broker restarts once and PostgreSQL restarts once
// (crash-style). Afterwards nothing is lost and nothing went out twice.
import { leadStreamId } from '@naxio/infra';
import type { PlacedCall } from '@naxio/telnyx-sandbox';
import { type ChaosCaller, chaosCast } from './cast';
import { ALL_APPS } from '../support/app-processes';
import { type ChaosSystem, startChaosSystem } from './chaos-system';
import { checkExactlyOnce, fetchFunnel, funnelFromEvents, waitUntilSettled } from './chaos-checks';
import { chaosSchedule, runSchedule } from './chaos-schedule';

const CALLS = Number(process.env.CHAOS_CALLS ?? 2000);
const CALLS_PER_SECOND = 40;
jest.setTimeout(15 * 60_000);

let system: ChaosSystem;
beforeAll(async () => {
  system = await startChaosSystem();
});
afterAll(async () => {
  await system?.stop();
});

const isBooked = async (leadId: string) =>
  (await system.pool.query(`SELECT 1 FROM events WHERE stream_id = $1 AND type = 'CallbackBooked'`, [leadId]).catch(() => ({ rowCount: 0 }))).rowCount! > 0;

/**
 * A scripted caller's side of the conversation, played as each text reaches the phone: the reply,
 * then (for a caller who wants the job done) an answer to every slot offer until the job is booked.
 */
async function play(c: ChaosCaller): Promise<void> {
  const { telnyx } = system.sandboxes;
  const texts = () => telnyx.sentMessages().filter((m) => m.to === c.caller);
  const text = async (body: string) => {
    const { status } = await telnyx.sendInboundSms({ from: c.caller, to: c.tenant.phoneNumbers[0]!, text: body });
    if (status < 200 || status >= 300) throw new Error(`${c.caller}'s "${body}" was never acknowledged (last answer ${status})`);
  };
  if (c.callee) telnyx.scriptCallee(c.caller, c.callee);
  if (!c.reply) return;
  for (const deadline = Date.now() + 240_000; texts().length === 0; await new Promise((r) => setTimeout(r, 250))) {
    if (Date.now() > deadline) throw new Error(`${c.caller} (${c.role}) never got an opening text`);
  }
  await text(c.reply);
  if (c.role === 'stop') return;
  const leadId = leadStreamId(c.tenant.id, c.caller);
  let answered = 0;
  for (const deadline = Date.now() + 120_000; Date.now() < deadline && !(await isBooked(leadId)); await new Promise((r) => setTimeout(r, 500))) {
    const offers = texts().filter((m) => m.text.includes('1) '));
    if (offers.length === answered) continue;
    answered = offers.length;
    await text(c.role === 'booked-by-text' && offers.at(-1)!.text.includes('2) ') ? '2' : '1');
  }
}

it('loses nothing and repeats nothing through kill -9, a broker restart and a PostgreSQL restart', async () => {
  const cast = chaosCast(system.tenants, CALLS);
  const schedule = chaosSchedule(ALL_APPS.filter((a) => a !== 'ingress'), { fromMs: 3_000, toMs: (CALLS / CALLS_PER_SECOND) * 1000 });
  console.log(`chaos schedule (seed ${schedule.seed}): ${schedule.steps.map((s) => `${s.what}@${(s.atMs / 1000).toFixed(1)}s`).join(', ')}`);

  const started = Date.now();
  const chaos = runSchedule(schedule, system);
  const plays: Array<Promise<void>> = [];
  const rings: Array<Promise<PlacedCall>> = [];
  for (const [i, c] of cast.entries()) {
    const due = started + (i * 1000) / CALLS_PER_SECOND;
    if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    plays.push(play(c));
    rings.push(system.sandboxes.telnyx.ringOut({ from: c.caller, to: c.tenant.phoneNumbers[0]!, hangupCause: 'timeout' }));
  }
  const [placed] = await Promise.all([Promise.all(rings), Promise.all(plays), chaos]);

  const leadIds = cast.map((c) => leadStreamId(c.tenant.id, c.caller));
  await waitUntilSettled(system, leadIds, cast);
  console.log(`settled ${((Date.now() - started) / 1000).toFixed(0)} s after the first call; peak RSS MB per process: ${JSON.stringify(system.apps.peakRssMb())}`);

  // Every missed-call webhook was acknowledged in the end (Telnyx retries until then).
  const hangupIds = new Set(placed.map((call) => call.webhookIds.at(-1)!));
  const acknowledged = new Set(system.sandboxes.telnyx.webhookDeliveries().filter((d) => hangupIds.has(d.id) && d.status >= 200 && d.status < 300).map((d) => d.id));
  expect(acknowledged.size).toBe(CALLS);

  const report = await checkExactlyOnce(system, cast, leadIds);
  console.log(`scripted callers reached: ${JSON.stringify(report.scripted)}`);
  expect(report.leadsWithoutOneOpeningText).toEqual([]);
  expect(report.textsSentTwice).toEqual([]);
  expect(report.callsPlacedTwice).toEqual([]);
  expect(report.callsLeftUndialled).toEqual([]);
  expect(report.crmJobsTwice).toEqual([]);
  expect(report.crmJobs).toBe(report.jobSyncedEvents);
  // The scripted parts really ran: bookings by voice and by text reached the CRMs.
  expect(report.jobSyncedEvents).toBeGreaterThanOrEqual(Math.floor(cast.filter((c) => c.role.startsWith('emergency') || c.role === 'booked-by-text').length / 2));

  const expected = await funnelFromEvents(system.pool);
  expect(await fetchFunnel(system.pool, expected)).toEqual(expected);
  expect(expected.missed).toBe(CALLS);
  console.log(`funnel ${JSON.stringify(expected)}; unplanned process exits: ${system.apps.crashes().length ? system.apps.crashes().join(', ') : 'none'}`);
});
