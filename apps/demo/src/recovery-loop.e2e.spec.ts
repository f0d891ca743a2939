import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { fold, leadDecider, ManualClock, type StoredEvent, techniciansOf } from '@naxio/domain';
import { dropDatabase, eventually, leadStreamId, PostgresSlotReservations } from '@naxio/infra';
import { freshDatabase } from '../../../test/support/postgres';
import { freshTopic, kafkaBrokers } from '../../../test/support/kafka';
import { type LocalSystem, startLocalSystem } from './local-system';
import { settle } from './settle';

// The whole loop through every real part (event store, relay, Kafka, every consumer group) and every
// sandbox. Consumers run on a clock fixed at Tuesday 10:00 in Austin, so calling hours allow a callback.
let system: LocalSystem;
let url: string;
const clock = new ManualClock('2026-12-01T16:00:00.000Z');

beforeAll(async () => {
  const db = await freshDatabase('loop');
  await db.pool.end();
  url = db.url;
  const topic = await freshTopic('loop');
  system = await startLocalSystem({ databaseUrl: url, kafkaBrokers: kafkaBrokers(), topic, tenantsFile: join(__dirname, '..', '..', '..', 'infra', 'seed', 'tenants.json'), clock, schedulerIntervalMs: 0 });
});
afterAll(async () => {
  await system.stop();
  await dropDatabase(url);
});

const tenant = (id: string) => system.tenants.find((t) => t.id === id)!;
const telnyx = () => system.sandboxes.telnyx;
const textsTo = (phone: string) => telnyx().sentMessages().filter((m) => m.to === phone);
const typesOf = async (leadId: string) => (await system.store.readStream(leadId)).events.map((e: StoredEvent) => e.type);

/** A missed call from `caller`, its opening text, then the caller's reply; returns the lead id. */
async function missedCallAndReply(tenantId: string, caller: string, reply: string): Promise<string> {
  const t = tenant(tenantId);
  await telnyx().ringOut({ from: caller, to: t.phoneNumbers[0]!, hangupCause: 'timeout' });
  await telnyx().waitForMessages(1, { to: caller, timeoutMs: 20000 });
  await telnyx().sendInboundSms({ from: caller, to: t.phoneNumbers[0]!, text: reply });
  await settle(system.pool);
  return leadStreamId(t.id, caller);
}

describe('the recovery loop', () => {
  it('alerts the owner once by text and once by phone for an emergency, however many emergency texts come', async () => {
    const caller = '+15125553001';
    const owner = tenant('peak-comfort').ownerPhone;
    telnyx().scriptCallee(caller, { answer: 'human', gatherResults: [{ choice: 'none' }] });
    const leadId = await missedCallAndReply('peak-comfort', caller, 'I smell gas in the kitchen, 78701');
    await telnyx().sendInboundSms({ from: caller, to: tenant('peak-comfort').phoneNumbers[0]!, text: 'the gas smell is getting stronger' });
    await settle(system.pool);
    expect(textsTo(owner).filter((m) => m.text.includes(caller))).toHaveLength(1);
    expect(telnyx().calls().filter((c) => c.to === owner)).toHaveLength(1);
    const ownerCall = telnyx().calls().find((c) => c.to === owner)!;
    expect(ownerCall.spoken.join(' ')).toMatch(/emergency lead/);
    expect((await typesOf(leadId)).filter((t) => t === 'EmergencyEscalated')).toHaveLength(1);
    expect(textsTo(caller).some((m) => /alerting our on-call tech/.test(m.text))).toBe(true);
    // The owner hears first; then Jordan calls the lead.
    const dialled = telnyx().calls().map((c) => c.to);
    expect(dialled.indexOf(owner)).toBeGreaterThanOrEqual(0);
    expect(dialled.indexOf(owner)).toBeLessThan(dialled.indexOf(caller));
  });

  it('books by voice, confirms by text and puts the job in Jobber', async () => {
    const caller = '+15125553002';
    telnyx().scriptCallee(caller, { answer: 'human', gatherResults: [{ choice: '2', address: '44 Elm St, Austin, TX 78702', problem: 'AC blows warm air upstairs' }] });
    const leadId = await missedCallAndReply('peak-comfort', caller, 'our AC is not cooling, can someone come this week? 78702');
    const call = telnyx().calls().find((c) => c.to === caller)!;
    expect(call.spoken[0]).toMatch(/^Hi, this is Jordan, an automated assistant calling for Peak Comfort HVAC.*This call is recorded/);
    const booked = (await system.store.readStream(leadId)).events.find((e) => e.type === 'CallbackBooked');
    // The problem was read back on the call for the lead to confirm; what they said is what gets booked.
    expect(call.spoken[0]).toMatch(/We have you down for: .+\. Is that right\?/);
    expect(booked?.data).toMatchObject({ bookedVia: 'voice', address: '44 Elm St, Austin, TX 78702', summary: 'AC blows warm air upstairs' });
    expect(textsTo(caller).at(-1)!.text).toMatch(/^You're booked with Peak Comfort HVAC/);
    await eventually(async () => ((await typesOf(leadId)).includes('JobSynced') ? true : undefined), 20000, 'JobSynced');
    expect(system.sandboxes.jobber.jobs().filter((j) => JSON.stringify(j).includes((booked!.data as { bookingId: string }).bookingId))).toHaveLength(1);
  });

  it('when the time picked on the call was taken meanwhile, says so and texts the times free now', async () => {
    const caller = '+15125553010';
    const t = tenant('peak-comfort');
    // The phone rings long enough for two other jobs to take the first time Jordan is about to offer.
    telnyx().scriptCallee(caller, { answer: 'human', ringMs: 5000, gatherResults: [{ choice: '1', address: '9 Pine St, Austin, TX 78703' }] });
    await telnyx().ringOut({ from: caller, to: t.phoneNumbers[0]!, hangupCause: 'timeout' });
    await telnyx().waitForMessages(1, { to: caller, timeoutMs: 20000 });
    await telnyx().sendInboundSms({ from: caller, to: t.phoneNumbers[0]!, text: 'AC is blowing warm air, can someone come this week? 78703' });
    const leadId = leadStreamId(t.id, caller);
    const offered = await eventually(async () => {
      const { events } = await system.store.readStream(leadId);
      return events.some((e) => e.type === 'CallbackStarted') ? fold(leadDecider, events as never[]).offeredSlots[0] : undefined;
    }, 20000, 'Jordan dialling');
    const reservations = new PostgresSlotReservations(system.pool);
    for (let i = 0; i < techniciansOf(t); i++) {
      expect(await reservations.reserve({ tenantId: t.id, slot: offered, leadId: `lead-other-${i}`, bookingId: randomUUID(), capacity: techniciansOf(t) })).toEqual({ ok: true });
    }
    await telnyx().waitForCall((c) => c.to === caller && c.status === 'ended', 20000);
    await settle(system.pool);
    const { events } = await system.store.readStream(leadId);
    expect(events.find((e) => e.type === 'CallbackEnded')?.data).toMatchObject({ outcome: 'failed' });
    expect(events.map((e) => e.type)).not.toContain('CallbackBooked');
    const reoffer = fold(leadDecider, events as never[]).offeredSlots;
    expect(reoffer.length).toBeGreaterThan(0);
    expect(reoffer.map((s) => s.slotId)).not.toContain(offered.slotId);
    expect(telnyx().calls().find((c) => c.to === caller)!.spoken.join(' ')).toMatch(/that time was just taken/);
    expect(textsTo(caller).at(-1)!.text).toMatch(/Reply 1 or 2/);
  });

  it('records a decline by voice and books nothing', async () => {
    const caller = '+15125553003';
    telnyx().scriptCallee(caller, { answer: 'human', gatherResults: [{ choice: 'none' }] });
    const leadId = await missedCallAndReply('peak-comfort', caller, 'furnace making a weird noise, need a repair, 78704');
    const ended = (await system.store.readStream(leadId)).events.find((e) => e.type === 'CallbackEnded');
    expect(ended?.data).toMatchObject({ outcome: 'declined' });
    expect(await typesOf(leadId)).not.toContain('CallbackBooked');
  });

  it('after an unanswered callback, offers slots by text and books the one the lead picks, into Housecall Pro', async () => {
    const caller = '+13035553004';
    telnyx().scriptCallee(caller, { answer: 'no-answer' });
    const leadId = await missedCallAndReply('blue-river-plumbing', caller, 'kitchen sink is clogged, can you come tomorrow? 80203');
    expect(textsTo(caller).at(-1)!.text).toMatch(/we can come 1\) .* 2\) .*Reply 1 or 2/);
    await telnyx().sendInboundSms({ from: caller, to: tenant('blue-river-plumbing').phoneNumbers[0]!, text: '1' });
    await settle(system.pool);
    const booked = (await system.store.readStream(leadId)).events.find((e) => e.type === 'CallbackBooked');
    expect(booked?.data).toMatchObject({ bookedVia: 'sms' });
    await eventually(async () => ((await typesOf(leadId)).includes('JobSynced') ? true : undefined), 20000, 'JobSynced');
    expect(system.sandboxes.housecallpro.jobs()).toHaveLength(1);
  });

  it('declines politely out of the service area, and calls nobody', async () => {
    const caller = '+16155553005';
    const leadId = await missedCallAndReply('summit-roofing', caller, 'need a roof estimate for my house in Miami 33101');
    expect(textsTo(caller).at(-1)!.text).toMatch(/doesn't serve ZIP 33101/);
    expect(await typesOf(leadId)).not.toContain('CallbackStarted');
  });

  it('sends nothing of any kind after STOP, and the contractor’s details after HELP', async () => {
    const caller = '+15125553006';
    const leadId = await missedCallAndReply('peak-comfort', caller, 'HELP');
    expect(textsTo(caller).at(-1)!.text).toMatch(/Peak Comfort HVAC: reply here or call \+15125550100/);
    await telnyx().sendInboundSms({ from: caller, to: tenant('peak-comfort').phoneNumbers[0]!, text: 'stop' });
    await settle(system.pool);
    const sentBefore = textsTo(caller).length;
    // A new call, a reply and a week of follow-ups later, still nothing.
    await telnyx().ringOut({ from: caller, to: tenant('peak-comfort').phoneNumbers[0]!, hangupCause: 'timeout' });
    await telnyx().sendInboundSms({ from: caller, to: tenant('peak-comfort').phoneNumbers[0]!, text: 'my AC is broken' });
    await settle(system.pool);
    clock.set('2026-12-09T16:00:00.000Z');
    await system.scheduler.tick();
    await settle(system.pool);
    clock.set('2026-12-01T16:00:00.000Z');
    expect(textsTo(caller)).toHaveLength(sentBefore);
    expect(await typesOf(leadId)).toContain('LeadOptedOut');
  });
});
