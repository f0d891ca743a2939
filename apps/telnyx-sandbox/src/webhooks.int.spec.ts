// Simulated calls and texts become webhooks that the real SDK verifies; tampering is caught.
import Telnyx from 'telnyx';
import { startTelnyxSandbox } from './index';
import type { TelnyxSandbox } from './types';
import { closeSandboxWithReceiver, startSandboxWithReceiver, type WebhookReceiver } from './webhook-receiver.test-support';

const API_KEY = 'KEY_test_sandbox';
const BUSINESS = '+15125550100';
const CALLER = '+15125550199';

describe('telnyx sandbox webhooks', () => {
  let sandbox: TelnyxSandbox;
  let receiver: WebhookReceiver;
  let client: Telnyx;

  beforeEach(async () => {
    ({ sandbox, receiver, client } = await startSandboxWithReceiver((r) => ({
      apiKey: API_KEY,
      voiceWebhookUrl: r.url('/voice'),
      messagingWebhookUrl: r.url('/sms'),
      webhookRetry: { backoffMs: [10] },
    })));
  });
  afterEach(() => closeSandboxWithReceiver({ sandbox, receiver, client }));

  it('plays a missed call as signed call.initiated then call.hangup, in order', async () => {
    const call = await sandbox.ringOut({ from: CALLER, to: BUSINESS });

    expect(receiver.received.map((webhook) => webhook.json.data.event_type)).toEqual(['call.initiated', 'call.hangup']);
    const [initiated, hangup] = receiver.received;
    for (const webhook of receiver.received) {
      const event = await client.webhooks.unwrap(webhook.rawBody, { headers: webhook.headers });
      expect(event).toMatchObject({ data: { record_type: 'event', payload: { call_control_id: call.callControlId } } });
      expect(webhook.path).toBe('/voice');
    }
    expect(call.webhookIds).toEqual([initiated?.json.data.id, hangup?.json.data.id]);
    expect(initiated?.json.data.payload).toMatchObject({ direction: 'incoming', state: 'parked', from: CALLER, to: BUSINESS });
    expect(hangup?.json.data.payload).toMatchObject({
      hangup_cause: 'timeout',
      from: CALLER,
      to: BUSINESS,
      call_session_id: call.callSessionId,
    });
    // As captured from Telnyx: the hangup names no direction; correlate with call.initiated.
    expect(hangup?.json.data.payload).not.toHaveProperty('direction');
  });

  it('can play an answered call with a chosen cause', async () => {
    await sandbox.ringOut({ from: CALLER, to: BUSINESS, answered: true, hangupCause: 'normal_clearing' });
    expect(receiver.received.map((webhook) => webhook.json.data.event_type)).toEqual([
      'call.initiated',
      'call.answered',
      'call.hangup',
    ]);
    expect(receiver.received[2]?.json.data.payload).toMatchObject({ hangup_cause: 'normal_clearing', hangup_source: 'caller' });
  });

  it('retries a webhook the receiver refused: same data.id, increasing meta.attempt', async () => {
    receiver.answerWith(500, 503);
    await sandbox.ringOut({ from: CALLER, to: BUSINESS, hangupCause: 'originator_cancel' });

    const initiatedAttempts = receiver.received.filter((webhook) => webhook.json.data.event_type === 'call.initiated');
    expect(initiatedAttempts.map((webhook) => webhook.json.meta.attempt)).toEqual([1, 2, 3]);
    expect(new Set(initiatedAttempts.map((webhook) => webhook.json.data.id)).size).toBe(1);
    for (const webhook of initiatedAttempts) {
      await expect(client.webhooks.unwrap(webhook.rawBody, { headers: webhook.headers })).resolves.toBeDefined();
    }
    expect(sandbox.webhookDeliveries().map(({ eventType, status, attempt }) => [eventType, status, attempt])).toEqual([
      ['call.initiated', 500, 1],
      ['call.initiated', 503, 2],
      ['call.initiated', 200, 3],
      ['call.hangup', 200, 1],
    ]);
  });

  it('delivers an inbound text as a signed message.received', async () => {
    const result = await sandbox.sendInboundSms({ from: CALLER, to: BUSINESS, text: 'Is anyone there? My AC died' });

    expect(result.status).toBe(200);
    const [webhook] = receiver.received;
    expect(webhook?.path).toBe('/sms');
    const event = await client.webhooks.unwrap(webhook?.rawBody ?? '', { headers: webhook?.headers ?? {} });
    expect(event).toMatchObject({
      data: {
        event_type: 'message.received',
        id: result.eventId,
        payload: {
          id: result.id,
          direction: 'inbound',
          from: { phone_number: CALLER },
          to: [{ phone_number: BUSINESS }],
          text: 'Is anyone there? My AC died',
        },
      },
      meta: { attempt: 1, delivered_to: receiver.url('/sms') },
    });
  });

  it('lets the SDK reject tampered bodies, stale timestamps and foreign keys', async () => {
    await sandbox.sendInboundSms({ from: CALLER, to: BUSINESS, text: 'hello' });
    const [webhook] = receiver.received;
    const rawBody = webhook?.rawBody ?? '';
    const headers = webhook?.headers ?? {};

    const tampered = rawBody.replace('hello', 'HELLO');
    await expect(client.webhooks.unwrap(tampered, { headers })).rejects.toThrow(/signature/i);

    const stale = sandbox.sign(rawBody, Math.floor(Date.now() / 1000) - 600);
    await expect(client.webhooks.unwrap(rawBody, { headers: stale })).rejects.toThrow(/timestamp/i);
    await expect(client.webhooks.unwrap(rawBody, { headers: sandbox.sign(rawBody) })).resolves.toBeDefined();

    const other = await startTelnyxSandbox({ apiKey: API_KEY });
    try {
      await expect(client.webhooks.unwrap(rawBody, { headers: other.sign(rawBody) })).rejects.toThrow(/signature/i);
    } finally {
      await other.close();
    }
  });

  it('drives calls and texts through the control API for a separately running demo', async () => {
    const origin = sandbox.baseUrl.replace(/\/v2$/, '');
    const post = (path: string, body: unknown) =>
      fetch(`${origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

    const call = await post('/sandbox/calls', { from: CALLER, to: BUSINESS, hangupCause: 'no_answer' });
    expect(await call.json()).toMatchObject({ callControlId: expect.stringMatching(/^v3:/) });
    const sms = await post('/sandbox/sms', { from: CALLER, to: BUSINESS, text: 'yo' });
    expect(await sms.json()).toMatchObject({ status: 200 });
    expect(receiver.received.map((webhook) => webhook.json.data.event_type)).toEqual([
      'call.initiated',
      'call.hangup',
      'message.received',
    ]);

    await client.messages.send({ from: BUSINESS, to: CALLER, text: 'got it' });
    const listed = (await (await fetch(`${origin}/sandbox/messages`)).json()) as { data: Array<{ text: string }> };
    expect(listed.data.map((message) => message.text)).toEqual(['got it']);
    expect((await post('/sandbox/calls', { to: BUSINESS })).status).toBe(400);
  });
});
