import type { FastifyInstance } from 'fastify';
import { startTelnyxSandbox, type TelnyxSandbox, webhookBody } from '@naxio/telnyx-sandbox';
import { InMemoryTenantDirectory, leadStreamId, PostgresEventStore, TelnyxWebhookVerifier } from '@naxio/infra';
import { PEAK_COMFORT_PHONE, peakComfort } from '../../../test/support/tenants';
import { systemClock } from '@naxio/domain';
import { freshDatabase, type TestDatabase } from '../../../test/support/postgres';
import { buildIngress, BODY_LIMIT_BYTES } from './app';

const TENANT_PHONE = PEAK_COMFORT_PHONE;
const CALLER = '+15125550123';
const tenants = [peakComfort()];

let db: TestDatabase;
let sandbox: TelnyxSandbox;
let app: FastifyInstance;
let store: PostgresEventStore;

beforeAll(async () => {
  db = await freshDatabase('ingress');
  store = new PostgresEventStore(db.pool);
  sandbox = await startTelnyxSandbox({ apiKey: 'KEY_TEST' });
  app = await buildIngress({ store, tenants: new InMemoryTenantDirectory(tenants), clock: systemClock, webhooks: new TelnyxWebhookVerifier(sandbox.publicKey) });
});
afterAll(async () => {
  await app.close();
  await sandbox.close();
  await db.close();
});

let seq = 0;
function hangup(overrides: Record<string, unknown> = {}, id = `evt-${++seq}-${Date.now()}`) {
  return {
    data: {
      record_type: 'event',
      event_type: 'call.hangup',
      id,
      occurred_at: new Date().toISOString(),
      payload: {
        call_control_id: `v3:cc-${seq}`,
        call_leg_id: `leg-${seq}`,
        call_session_id: `session-${seq}-${Date.now()}`,
        connection_id: '1494404757140276705',
        client_state: null,
        from: CALLER,
        to: TENANT_PHONE,
        hangup_cause: 'timeout',
        hangup_source: 'callee',
        sip_hangup_cause: '480',
        start_time: new Date().toISOString(),
        ...overrides,
      },
    },
    meta: { attempt: 1, delivered_to: 'http://127.0.0.1/webhooks/telnyx/voice' },
  };
}

const post = (body: string, headers: Record<string, string>, url = '/webhooks/telnyx/voice') =>
  app.inject({ method: 'POST', url, payload: body, headers: { 'content-type': 'application/json', ...headers } });
const signedPost = (event: object, url?: string) => {
  const body = JSON.stringify(event);
  return post(body, sandbox.sign(body), url);
};
const eventCount = async () => (await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events')).rows[0]!.n;

describe('voice webhook', () => {
  it('records a missed call on the caller’s lead', async () => {
    const response = await signedPost(hangup());
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'recorded', leadId: leadStreamId('peak-comfort', CALLER) });
    const { events } = await store.readStream(leadStreamId('peak-comfort', CALLER));
    expect(events.at(-1)).toMatchObject({ type: 'CallMissed', data: { callerPhone: CALLER, reason: 'timeout' } });
  });

  it('appends nothing for a Telnyx retry of the same webhook', async () => {
    const event = hangup();
    await signedPost(event);
    const before = await eventCount();
    const retry = { ...event, meta: { attempt: 2, delivered_to: event.meta.delivered_to } };
    const response = await signedPost(retry);
    expect(response.json()).toMatchObject({ status: 'duplicate' });
    expect(await eventCount()).toBe(before);
  });

  it.each([
    ['unsigned', (body: string) => post(body, {})],
    ['tampered', (body: string) => post(body.replace(CALLER, '+15125550999'), sandbox.sign(body))],
    ['stale (6 minutes old)', (body: string) => post(body, sandbox.sign(body, Math.floor(Date.now() / 1000) - 360))],
    ['signed with another key', async (body: string) => {
      const other = await startTelnyxSandbox({ apiKey: 'x' });
      try {
        return await post(body, other.sign(body));
      } finally {
        await other.close();
      }
    }],
  ])('refuses a %s webhook with 401 and appends nothing', async (_name, send) => {
    const before = await eventCount();
    const response = await send(JSON.stringify(hangup()));
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('invalid_signature');
    expect(await eventCount()).toBe(before);
  });

  it.each([
    ['not JSON', '{"data": {', 'malformed_json'],
    ['missing the envelope', JSON.stringify({ hello: 'world' }), 'invalid_webhook'],
    ['a hangup without a session id', JSON.stringify(hangup({ call_session_id: undefined })), 'invalid_webhook'],
    ['a hangup with a number as the cause', JSON.stringify(hangup({ hangup_cause: 42 })), 'invalid_webhook'],
  ])('refuses a signed body that is %s with 400 and appends nothing', async (_name, body, code) => {
    const before = await eventCount();
    const response = await post(body, sandbox.sign(body));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe(code);
    expect(await eventCount()).toBe(before);
  });

  it('answers 404 for a number that belongs to no tenant, and appends nothing', async () => {
    const before = await eventCount();
    const response = await signedPost(hangup({ to: '+19995550000' }));
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toEqual({ code: 'unknown_tenant_number', message: '+19995550000 belongs to no tenant' });
    expect(await eventCount()).toBe(before);
  });

  it('refuses a body over the limit before reading it', async () => {
    const huge = JSON.stringify({ data: { pad: 'x'.repeat(BODY_LIMIT_BYTES) } });
    const response = await post(huge, sandbox.sign(huge));
    expect(response.statusCode).toBe(413);
  });

  it.each([
    ['an answered call', { hangup_cause: 'normal_clearing' }, /answered call/],
    ['our own outbound call', { from: TENANT_PHONE, to: CALLER }, /outbound/],
    ['a withheld caller id', { from: 'anonymous' }, /caller id withheld/],
  ])('ignores %s', async (_name, overrides, reason) => {
    const before = await eventCount();
    const response = await signedPost(hangup(overrides));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ignored', reason: expect.stringMatching(reason) });
    expect(await eventCount()).toBe(before);
  });

  it.each(['no_answer', 'originator_cancel', 'user_busy'])('counts a hangup with cause %s as missed', async (cause) => {
    expect((await signedPost(hangup({ hangup_cause: cause }))).json().status).toBe('recorded');
  });

  it('counts a call our flow sent to voicemail as missed, though it ended normally', async () => {
    const response = await signedPost(hangup({ hangup_cause: 'normal_clearing', client_state: Buffer.from('voicemail').toString('base64'), from: '+15125550177' }));
    expect(response.json().status).toBe('recorded');
    const { events } = await store.readStream(leadStreamId('peak-comfort', '+15125550177'));
    expect(events[0]).toMatchObject({ type: 'CallMissed', data: { reason: 'voicemail' } });
  });

  it('folds three calls in two minutes into one lead', async () => {
    const caller = '+15125550188';
    for (let i = 0; i < 3; i++) await signedPost(hangup({ from: caller }));
    const { events } = await store.readStream(leadStreamId('peak-comfort', caller));
    expect(events.map((e) => (e.data as { repeatCall: boolean }).repeatCall)).toEqual([false, true, true]);
  });

  it('ignores other call events such as call.initiated', async () => {
    const event = hangup();
    event.data.event_type = 'call.initiated';
    expect((await signedPost(event)).json()).toMatchObject({ status: 'ignored' });
  });

  it('uses the exact envelope the sandbox sends', () => {
    // Guards the fixture above against drifting from what the Telnyx imitation really sends.
    const body = JSON.parse(webhookBody({ eventType: 'call.hangup', id: 'x', occurredAt: new Date().toISOString(), payload: {} } as never, 1, 'u'));
    expect(Object.keys(body.data).sort()).toEqual(Object.keys(hangup().data).sort());
  });
});

describe('messaging webhook', () => {
  const received = (text: string, from = CALLER) => ({
    data: {
      record_type: 'event',
      event_type: 'message.received',
      id: `msg-evt-${++seq}`,
      occurred_at: new Date().toISOString(),
      payload: { id: `msg-${seq}`, direction: 'inbound', type: 'SMS', from: { phone_number: from }, to: [{ phone_number: TENANT_PHONE }], text, media: [] },
    },
  });

  it('records a reply once, however often Telnyx delivers it', async () => {
    const event = received('AC stopped working, house is at 88 degrees', '+15125550144');
    expect((await signedPost(event, '/webhooks/telnyx/messaging')).json().status).toBe('recorded');
    expect((await signedPost(event, '/webhooks/telnyx/messaging')).json().status).toBe('duplicate');
    const { events } = await store.readStream(leadStreamId('peak-comfort', '+15125550144'));
    expect(events.map((e) => e.type)).toEqual(['ReplyReceived']);
  });

  it('refuses an unsigned reply', async () => {
    const response = await post(JSON.stringify(received('hi')), {}, '/webhooks/telnyx/messaging');
    expect(response.statusCode).toBe(401);
  });
});
