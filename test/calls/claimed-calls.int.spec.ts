import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { type LeadCommand, type Qualification, type StoredEvent, leadDecider, systemClock } from '@naxio/domain';
import {
  createTelnyxClient,
  eventually,
  handleCommand,
  InMemoryTenantDirectory,
  leadStreamId,
  PostgresEventStore,
  PostgresSlotReservations,
  TelnyxSmsGateway,
  TelnyxVoiceGateway,
  TelnyxWebhookVerifier,
} from '@naxio/infra';
import { buildIngress } from '@naxio/ingress';
import { type CallbackDeps, encodeCallState, handleCallbackWebhook, startCallback } from '@naxio/callback';
import { alertOwner, encodeClientState } from '@naxio/escalation';
import { startTelnyxSandbox, type TelnyxSandbox } from '@naxio/telnyx-sandbox';
import { startWebhookReceiver, type WebhookReceiver } from '../../apps/telnyx-sandbox/src/webhook-receiver.test-support';
import { freshDatabase, type TestDatabase } from '../support/postgres';
import { alwaysOpen, PEAK_COMFORT_PHONE, peakComfort } from '../support/tenants';

// A call is claimed in the lead's stream before it is dialled. These specs play the process that
// claimed it dying at each moment around the dial, then the claiming event coming again (Kafka
// redelivers what was not committed): the call is placed, and placed once.
const tenants = new InMemoryTenantDirectory([peakComfort({ businessHours: alwaysOpen })]);
let db: TestDatabase;
let store: PostgresEventStore;
let sandbox: TelnyxSandbox;
let ingress: FastifyInstance;
let ingressUrl: string;
let lostWebhooks: WebhookReceiver;
let deps: CallbackDeps;

beforeAll(async () => {
  db = await freshDatabase('claimed_calls');
  store = new PostgresEventStore(db.pool);
  sandbox = await startTelnyxSandbox({ apiKey: 'KEY_CALLS', ownedNumbers: [PEAK_COMFORT_PHONE], profileDeliveryReceipts: false });
  const telnyx = createTelnyxClient({ apiKey: 'KEY_CALLS', baseUrl: sandbox.baseUrl, publicKey: sandbox.publicKey });
  const voice = new TelnyxVoiceGateway(telnyx, sandbox.connectionId);
  ingress = await buildIngress({ store, tenants, clock: systemClock, webhooks: new TelnyxWebhookVerifier(sandbox.publicKey), voice, callbackCalls: (webhook) => handleCallbackWebhook(deps, webhook) });
  ingressUrl = await ingress.listen({ port: 0, host: '127.0.0.1' });
  sandbox.setWebhookUrls({ voice: `${ingressUrl}/webhooks/telnyx/voice`, messaging: `${ingressUrl}/webhooks/telnyx/messaging` });
  lostWebhooks = await startWebhookReceiver();
  deps = { store, tenants, sms: new TelnyxSmsGateway(telnyx), voice, reservations: new PostgresSlotReservations(db.pool), clock: systemClock, receiptBaseUrl: ingressUrl };
});
afterAll(async () => {
  await ingress.close();
  await sandbox.close();
  await lostWebhooks.close();
  await db.close();
});

const qualification = (urgency: Qualification['urgency']): Qualification => ({
  urgency,
  serviceType: 'hvac',
  subCategory: urgency === 'emergency' ? 'gas-smell' : 'no-cooling',
  serviceArea: { zip: '78701', city: null, inArea: true },
  intent: 'high',
  summary: urgency === 'emergency' ? 'Smells gas near the furnace' : 'AC not cooling',
  source: 'rules',
  model: null,
});

const run = (leadId: string, command: LeadCommand) =>
  handleCommand(store, leadDecider, leadId, command, { tenantId: 'peak-comfort', now: new Date(), correlationId: 'spec', causationId: null });

/** A missed call, a reply, and its qualification; returns the event a consumer group reacts to. */
async function qualifiedLead(caller: string, urgency: Qualification['urgency'], ownerPhone: string): Promise<StoredEvent> {
  const leadId = leadStreamId('peak-comfort', caller);
  const now = new Date().toISOString();
  await run(leadId, { type: 'RecordMissedCall', data: { callSessionId: randomUUID(), callerPhone: caller, tenantPhone: PEAK_COMFORT_PHONE, reason: 'timeout', calledAt: now } });
  const messageId = randomUUID();
  await run(leadId, { type: 'RecordReply', data: { messageId, callerPhone: caller, tenantPhone: PEAK_COMFORT_PHONE, text: 'help', receivedAt: now } });
  await run(leadId, { type: 'QualifyLead', data: { replyMessageId: messageId, qualification: qualification(urgency), ownerPhone } });
  const wanted = urgency === 'emergency' ? 'EmergencyEscalated' : 'LeadQualified';
  return (await store.readStream(leadId)).events.find((e) => e.type === wanted)!;
}

/** A lead whose callback a process claimed (and then died): its callee rings on and never answers. */
async function claimedCallback(caller: string) {
  sandbox.scriptCallee(caller, { answer: 'no-answer', ringMs: 60_000 });
  const qualified = await qualifiedLead(caller, 'scheduled', '+15125557000');
  const leadId = qualified.metadata.streamId;
  const slot = { slotId: 's1', start: '2026-12-01T15:00:00.000Z', end: '2026-12-01T17:00:00.000Z' };
  const { events } = await run(leadId, { type: 'StartCallback', data: { requestId: qualified.metadata.eventId, slots: [slot] } });
  return { qualified, leadId, attemptId: (events[0]!.data as { attemptId: string }).attemptId };
}

const callsTo = (phone: string) => sandbox.calls().filter((call) => call.to === phone);
const dialsOf = async (leadId: string) => (await store.readStream(leadId)).events.filter((e) => e.type === 'CallDialled').map((e) => e.data as { seenBy: string; callControlId: string });

describe('a claimed call after a crash', () => {
  it('dials the owner once when a crash came between the claim and the dial, however often the escalation comes again', async () => {
    const owner = '+15125557001';
    const escalated = await qualifiedLead('+15125556001', 'emergency', owner);
    const leadId = escalated.metadata.streamId;
    await run(leadId, { type: 'StartOwnerCall', data: { requestId: escalated.metadata.eventId } });

    await alertOwner(deps, escalated);
    await alertOwner(deps, escalated);
    expect(callsTo(owner)).toHaveLength(1);
    expect(await dialsOf(leadId)).toEqual([expect.objectContaining({ callControlId: callsTo(owner)[0]!.callControlId })]);
  });

  it('finds the owner’s call Telnyx took before the crash, with none of its webhooks in, instead of dialling again', async () => {
    const owner = '+15125557002';
    sandbox.scriptCallee(owner, { answer: 'no-answer', ringMs: 60_000 });
    const escalated = await qualifiedLead('+15125556002', 'emergency', owner);
    const leadId = escalated.metadata.streamId;
    await run(leadId, { type: 'StartOwnerCall', data: { requestId: escalated.metadata.eventId } });
    sandbox.setWebhookUrls({ voice: lostWebhooks.url('/voice') });
    try {
      const before = await deps.voice.dial({ from: PEAK_COMFORT_PHONE, to: owner, clientState: encodeClientState({ kind: 'owner-alert', leadId }) });
      await alertOwner(deps, escalated);
      expect(callsTo(owner)).toHaveLength(1);
      expect(await dialsOf(leadId)).toEqual([{ purpose: 'owner-alert', claimId: escalated.metadata.eventId, callControlId: before.callControlId, seenBy: 'live-calls' }]);
    } finally {
      sandbox.setWebhookUrls({ voice: `${ingressUrl}/webhooks/telnyx/voice` });
    }
  });

  it('takes a dial it could not record for what it is: not a failed alert, but a call found live when the escalation comes again', async () => {
    const owner = '+15125557005';
    sandbox.scriptCallee(owner, { answer: 'no-answer', ringMs: 60_000 });
    const escalated = await qualifiedLead('+15125556005', 'emergency', owner);
    const leadId = escalated.metadata.streamId;
    const recordsNoDial = Object.assign(Object.create(store) as PostgresEventStore, {
      appendToStream: (stream: string, events: Array<{ type: string }>, expected: never) =>
        events.some((e) => e.type === 'CallDialled') ? Promise.reject(new Error('the database went away')) : store.appendToStream(stream, events as never, expected),
    });
    sandbox.setWebhookUrls({ voice: lostWebhooks.url('/voice') });
    try {
      await expect(alertOwner({ ...deps, store: recordsNoDial }, escalated)).rejects.toThrow(/database went away/);
      await alertOwner(deps, escalated);
      expect(callsTo(owner)).toHaveLength(1);
      expect(await dialsOf(leadId)).toEqual([expect.objectContaining({ callControlId: callsTo(owner)[0]!.callControlId, seenBy: 'live-calls' })]);
      expect((await store.readStream(leadId)).events.map((e) => e.type)).not.toContain('OwnerAlertFailed');
    } finally {
      sandbox.setWebhookUrls({ voice: `${ingressUrl}/webhooks/telnyx/voice` });
    }
  });

  it('calls the lead back once when a crash came between Jordan’s claim and the dial', async () => {
    const caller = '+15125556003';
    const { qualified, leadId } = await claimedCallback(caller);

    await startCallback(deps, qualified);
    await startCallback(deps, qualified);
    expect(callsTo(caller)).toHaveLength(1);
    expect(await dialsOf(leadId)).toHaveLength(1);
  });

  it('takes the call’s first webhook as word that Telnyx has it, so a crash right after the dial rings nobody twice', async () => {
    const caller = '+15125556004';
    const { qualified, leadId, attemptId } = await claimedCallback(caller);
    const before = await deps.voice.dial({ from: PEAK_COMFORT_PHONE, to: caller, clientState: encodeCallState({ kind: 'callback', leadId, attemptId }) });
    await eventually(async () => ((await dialsOf(leadId)).length > 0 ? true : undefined), 5000, 'CallDialled from call.initiated');

    await startCallback(deps, qualified);
    expect(callsTo(caller)).toHaveLength(1);
    expect(await dialsOf(leadId)).toEqual([expect.objectContaining({ callControlId: before.callControlId, seenBy: 'call-webhook' })]);
  });
});
