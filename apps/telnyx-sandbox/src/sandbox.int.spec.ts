// The sandbox's /v2 messaging API, driven by the real telnyx SDK with only baseURL changed.
import Telnyx, { APIError, AuthenticationError, BadRequestError, InternalServerError } from 'telnyx';
import { startTelnyxSandbox } from './index';
import type { TelnyxSandbox } from './types';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.test-support';

const API_KEY = 'KEY_test_sandbox';
const BUSINESS = '+15125550100';
const CALLER = '+15125550199';

function errorCode(error: unknown): string | undefined {
  return error instanceof APIError ? (error.error as { errors?: Array<{ code?: string }> }).errors?.[0]?.code : undefined;
}

async function caught(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('telnyx sandbox /v2 messages, through the real SDK', () => {
  let sandbox: TelnyxSandbox;
  let client: Telnyx;

  beforeEach(async () => {
    sandbox = await startTelnyxSandbox({ apiKey: API_KEY, ownedNumbers: [BUSINESS] });
    client = new Telnyx({ apiKey: API_KEY, baseURL: sandbox.baseUrl, publicKey: sandbox.publicKey, maxRetries: 0 });
  });
  afterEach(() => sandbox.close());

  it('accepts a text and answers with the id it recorded', async () => {
    const before = Date.now();
    const response = await client.messages.send({ from: BUSINESS, to: CALLER, text: 'Sorry we missed your call!' });

    const [sent] = sandbox.sentMessages();
    expect(response.data?.id).toBe(sent?.id);
    expect(sent).toMatchObject({ from: BUSINESS, to: CALLER, text: 'Sorry we missed your call!' });
    expect(sent?.receivedAt).toBeGreaterThanOrEqual(before);
    expect(response.data).toMatchObject({
      record_type: 'message',
      direction: 'outbound',
      type: 'SMS',
      from: { phone_number: BUSINESS },
      to: [{ phone_number: CALLER, status: 'queued' }],
      encoding: 'GSM-7',
      parts: 1,
      sent_at: null,
      completed_at: null,
      errors: [],
    });
  });

  it('serves the stored message at GET /v2/messages/{id}', async () => {
    const sent = await client.messages.send({ from: BUSINESS, to: CALLER, text: 'hello' });
    const fetched = await client.messages.retrieve(sent.data?.id ?? '');
    expect(fetched.data).toMatchObject({ id: sent.data?.id, text: 'hello', direction: 'outbound' });
    expect(errorCode(await caught(client.messages.retrieve('no-such-message')))).toBe('10005');
  });

  it('answers a repeated Idempotency-Key with the first message, and refuses it on a different body', async () => {
    const once = { headers: { 'Idempotency-Key': 'text-0123abc' } };
    const first = await client.messages.send({ from: BUSINESS, to: CALLER, text: 'once' }, once);
    const again = await client.messages.send({ from: BUSINESS, to: CALLER, text: 'once' }, once);
    expect(again.data?.id).toBe(first.data?.id);
    expect(sandbox.sentMessages()).toHaveLength(1);
    const changed = await caught(client.messages.send({ from: BUSINESS, to: CALLER, text: 'twice' }, once));
    expect(changed).toBeInstanceOf(APIError);
    expect((changed as APIError).status).toBe(422);
    expect((await caught(client.messages.send({ from: BUSINESS, to: CALLER, text: 'x' }, { headers: { 'Idempotency-Key': 'has spaces#' } })) as APIError).status).toBe(422);
    // Without a key every request is its own text.
    await client.messages.send({ from: BUSINESS, to: CALLER, text: 'once' });
    expect(sandbox.sentMessages()).toHaveLength(2);
  });

  it('does not remember a failed request under its key: the retry sends', async () => {
    sandbox.failNextSends(1, 500);
    const once = { headers: { 'Idempotency-Key': 'text-after-failure' } };
    await caught(client.messages.send({ from: BUSINESS, to: CALLER, text: 'retry me' }, once));
    const retried = await client.messages.send({ from: BUSINESS, to: CALLER, text: 'retry me' }, once);
    expect(sandbox.sentMessages().map((m) => m.id)).toEqual([retried.data?.id]);
  });

  it('answers a wrong API key with the SDK AuthenticationError (401, code 10009)', async () => {
    const stranger = new Telnyx({ apiKey: 'KEY_wrong', baseURL: sandbox.baseUrl, maxRetries: 0 });
    const error = await caught(stranger.messages.send({ from: BUSINESS, to: CALLER, text: 'hi' }));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).status).toBe(401);
    expect(errorCode(error)).toBe('10009');
    expect(sandbox.sentMessages()).toEqual([]);
  });

  it('validates like Telnyx: missing text, bad `to`, a `from` the account does not own', async () => {
    const missingText = await caught(client.messages.send({ from: BUSINESS, to: CALLER }));
    expect(missingText).toBeInstanceOf(BadRequestError);
    expect((missingText as APIError).error).toMatchObject({ errors: [{ code: '10004', source: { pointer: '/text' } }] });
    expect(errorCode(await caught(client.messages.send({ from: BUSINESS, to: '512-555-0199', text: 'x' })))).toBe('40310');
    expect(errorCode(await caught(client.messages.send({ from: '+15125550111', to: CALLER, text: 'x' })))).toBe('40305');
    expect(sandbox.sentMessages()).toEqual([]);
  });

  it('refuses a blocked recipient with code 40300, whether blocked by hand or by an inbound STOP', async () => {
    sandbox.blockRecipient(CALLER);
    const blocked = await caught(client.messages.send({ from: BUSINESS, to: CALLER, text: 'hi' }));
    expect((blocked as APIError).status).toBe(409);
    expect((blocked as APIError).error).toEqual({
      errors: [
        {
          code: '40300',
          title: 'Blocked due to STOP message',
          detail: `Messages cannot be sent from '${BUSINESS}' to '${CALLER}' due to an existing block rule.`,
        },
      ],
    });

    const receiver = await startWebhookReceiver();
    try {
      sandbox.setWebhookUrls({ messaging: receiver.url() });
      await sandbox.sendInboundSms({ from: '+15125550177', to: BUSINESS, text: ' stop ' });
      expect(errorCode(await caught(client.messages.send({ from: BUSINESS, to: '+15125550177', text: 'x' })))).toBe('40300');
      await sandbox.sendInboundSms({ from: '+15125550177', to: BUSINESS, text: 'START' });
      await expect(client.messages.send({ from: BUSINESS, to: '+15125550177', text: 'welcome back' })).resolves.toBeDefined();
    } finally {
      await receiver.close();
    }
  });

  it('fails the next sends on demand; the SDK retries through a 429', async () => {
    sandbox.failNextSends(1, 500);
    expect(await caught(client.messages.send({ from: BUSINESS, to: CALLER, text: 'x' }))).toBeInstanceOf(InternalServerError);

    sandbox.failNextSends(2, 429);
    const patient = new Telnyx({ apiKey: API_KEY, baseURL: sandbox.baseUrl, maxRetries: 2 });
    const response = await patient.messages.send({ from: BUSINESS, to: CALLER, text: 'third time lucky' });
    expect(sandbox.sentMessages().map((message) => message.id)).toEqual([response.data?.id]);
  });

  it('waits for messages, and says what it saw when they do not come', async () => {
    const waiting = sandbox.waitForMessages(2, { to: CALLER });
    await client.messages.send({ from: BUSINESS, to: CALLER, text: 'one' });
    await client.messages.send({ from: BUSINESS, to: '+15125550142', text: 'elsewhere' });
    await client.messages.send({ from: BUSINESS, to: CALLER, text: 'two' });
    expect((await waiting).map((message) => message.text)).toEqual(['one', 'two']);

    await expect(sandbox.waitForMessages(3, { to: CALLER, timeoutMs: 50 })).rejects.toThrow(
      /expected 3 message\(s\) to \+15125550199 within 50 ms, got 2/,
    );
  });
});

describe('delivery receipts', () => {
  let sandbox: TelnyxSandbox;
  let receiver: WebhookReceiver;

  beforeEach(async () => {
    receiver = await startWebhookReceiver();
    sandbox = await startTelnyxSandbox({ apiKey: API_KEY });
  });
  afterEach(async () => {
    await sandbox.close();
    await receiver.close();
  });

  it('reports message.sent then message.finalized (delivered) to the message webhook_url, signed', async () => {
    const client = new Telnyx({ apiKey: API_KEY, baseURL: sandbox.baseUrl, publicKey: sandbox.publicKey, maxRetries: 0 });
    const sent = await client.messages.send({ from: BUSINESS, to: CALLER, text: 'hi', webhook_url: receiver.url('/receipts') });

    const [first, second] = await receiver.waitFor(2);
    expect([first?.json.data.event_type, second?.json.data.event_type]).toEqual(['message.sent', 'message.finalized']);
    expect(first?.json.data.payload).toMatchObject({ id: sent.data?.id, to: [{ status: 'sent' }] });
    expect(second?.json.data.payload).toMatchObject({ id: sent.data?.id, to: [{ status: 'delivered' }] });
    expect(second?.json.meta).toEqual({ attempt: 1, delivered_to: receiver.url('/receipts') });
    for (const webhook of [first, second]) {
      await expect(client.webhooks.unwrap(webhook?.rawBody ?? '', { headers: webhook?.headers ?? {} })).resolves.toBeDefined();
    }
    const stored = await client.messages.retrieve(sent.data?.id ?? '');
    expect(stored.data?.to).toEqual([expect.objectContaining({ status: 'delivered' })]);
  });
});
