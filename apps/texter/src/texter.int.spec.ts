import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { type SmsGateway, type StoredEvent, systemClock } from '@naxio/domain';
import { createTelnyxClient, handleCommand, TelnyxWebhookVerifier, InMemoryTenantDirectory, leadStreamId, PostgresEventStore, TelnyxSmsGateway, eventually } from '@naxio/infra';
import { leadDecider } from '@naxio/domain';
import { buildIngress } from '@naxio/ingress';
import { startTelnyxSandbox, type TelnyxSandbox } from '@naxio/telnyx-sandbox';
import { alwaysOpen, PEAK_COMFORT_PHONE, peakComfort } from '../../../test/support/tenants';
import { freshDatabase, type TestDatabase } from '../../../test/support/postgres';
import { TransientSendFailure } from './send-lead-text';
import { sendOpeningText, type TexterDeps } from './send-opening-text';

const TENANT_PHONE = PEAK_COMFORT_PHONE;
const tenants = new InMemoryTenantDirectory([peakComfort({ businessHours: alwaysOpen })]);

let db: TestDatabase;
let store: PostgresEventStore;
let sandbox: TelnyxSandbox;
let ingress: FastifyInstance;
let deps: TexterDeps;

beforeAll(async () => {
  db = await freshDatabase('texter');
  store = new PostgresEventStore(db.pool);
  sandbox = await startTelnyxSandbox({ apiKey: 'KEY_TEXTER', ownedNumbers: [TENANT_PHONE], profileDeliveryReceipts: false });
  const telnyx = createTelnyxClient({ apiKey: 'KEY_TEXTER', baseUrl: sandbox.baseUrl, publicKey: sandbox.publicKey });
  ingress = await buildIngress({ store, tenants, clock: systemClock, webhooks: new TelnyxWebhookVerifier(sandbox.publicKey) });
  const address = await ingress.listen({ port: 0, host: '127.0.0.1' });
  deps = { store, tenants, sms: new TelnyxSmsGateway(telnyx), clock: systemClock, receiptBaseUrl: address };
});
afterAll(async () => {
  await ingress.close();
  await sandbox.close();
  await db.close();
});

/** A missed call as the ingress would record it; returns the stored CallMissed. */
async function missedCallFrom(caller: string): Promise<StoredEvent> {
  const leadId = leadStreamId('peak-comfort', caller);
  const command = { type: 'RecordMissedCall' as const, data: { callSessionId: randomUUID(), callerPhone: caller, tenantPhone: TENANT_PHONE, reason: 'timeout' as const, calledAt: new Date().toISOString() } };
  await handleCommand(store, leadDecider, leadId, command, { tenantId: 'peak-comfort', now: new Date(), correlationId: 'test', causationId: null });
  return (await store.readStream(leadId)).events.at(-1)!;
}
const FOLLOW_UPS = ['FollowUpsScheduled'];
const typesOf = async (event: StoredEvent) => (await store.readStream(event.metadata.streamId)).events.map((e) => e.type);
const textsTo = (to: string) => sandbox.sentMessages().filter((m) => m.to === to);

describe('texter', () => {
  it('sends one opening text in the tenant’s words and records it', async () => {
    const caller = '+15125550201';
    const call = await missedCallFrom(caller);
    await sendOpeningText(deps, call);
    expect(textsTo(caller)).toHaveLength(1);
    expect(textsTo(caller)[0]!.text).toMatch(/^Hi, this is Jordan from Peak Comfort HVAC — you just called us/);
    expect(textsTo(caller)[0]!.from).toBe(TENANT_PHONE);
    expect(await typesOf(call)).toEqual(['CallMissed', 'TextSendAttempted', 'TextSent', ...FOLLOW_UPS]);
  });

  it('sends nothing more when Kafka redelivers the call, or two texters get it at once', async () => {
    const caller = '+15125550202';
    const call = await missedCallFrom(caller);
    await Promise.all([sendOpeningText(deps, call), sendOpeningText(deps, call)]);
    await sendOpeningText(deps, call);
    expect(textsTo(caller)).toHaveLength(1);
  });

  it('records a STOP block as an opt-out and does not retry', async () => {
    const caller = '+15125550203';
    sandbox.blockRecipient(caller);
    const call = await missedCallFrom(caller);
    await sendOpeningText(deps, call);
    await sendOpeningText(deps, call);
    expect(textsTo(caller)).toHaveLength(0);
    expect(await typesOf(call)).toEqual(['CallMissed', 'TextSendAttempted', 'TextSendFailed', 'LeadOptedOut']);
  });

  it('retries after a vendor outage, on redelivery, and texts once', async () => {
    const caller = '+15125550204';
    const call = await missedCallFrom(caller);
    sandbox.failNextSends(1, 503);
    await expect(sendOpeningText(deps, call)).rejects.toBeInstanceOf(TransientSendFailure);
    await sendOpeningText(deps, call);
    expect(textsTo(caller)).toHaveLength(1);
    expect(await typesOf(call)).toEqual(['CallMissed', 'TextSendAttempted', 'TextSendFailed', 'TextSendAttempted', 'TextSent', ...FOLLOW_UPS]);
  });

  it('never texts twice when the process dies between the SMS request and the append', async () => {
    const caller = '+15125550205';
    const call = await missedCallFrom(caller);
    const real = deps.sms;
    const dying: SmsGateway = {
      send: async (sms) => {
        await real.send(sms);
        throw new Error('process killed after Telnyx accepted the text');
      },
    };
    await expect(sendOpeningText({ ...deps, sms: dying }, call)).rejects.toThrow(/process killed/);
    // After the restart Kafka redelivers the CallMissed to a fresh texter, which re-sends the claimed
    // attempt under its Idempotency-Key: Telnyx answers with the first message instead of a second.
    await sendOpeningText(deps, call);
    expect(textsTo(caller)).toHaveLength(1);
    // The replayed answer or Telnyx's message.sent receipt (tagged with the attempt) completes the
    // record, whichever comes first; the other changes nothing.
    const events = await eventually(async () => {
      const stream = (await store.readStream(call.metadata.streamId)).events;
      return stream.some((e) => e.type === 'TextSent') ? stream : undefined;
    }, 10000, 'TextSent');
    expect(events.map((e) => e.type)).toEqual(['CallMissed', 'TextSendAttempted', 'TextSent', ...FOLLOW_UPS]);
    expect(events[2]!.data).toMatchObject({ messageId: textsTo(caller)[0]!.id });
  });

  it('sends the claimed text on redelivery when the process died before the request left', async () => {
    const caller = '+15125550206';
    const call = await missedCallFrom(caller);
    const dying: SmsGateway = { send: async () => Promise.reject(new Error('process killed before the request left')) };
    await expect(sendOpeningText({ ...deps, sms: dying }, call)).rejects.toThrow(/process killed/);
    expect(textsTo(caller)).toHaveLength(0);
    await sendOpeningText(deps, call);
    await sendOpeningText(deps, call);
    expect(textsTo(caller)).toHaveLength(1);
    const types = await typesOf(call);
    expect(types.filter((t) => t === 'TextSendAttempted')).toHaveLength(1);
    expect(types).toContain('TextSent');
  });
});
