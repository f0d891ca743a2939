// Scripted callees: nobody answers, the line is busy, a voicemail box picks up, the person hangs
// up mid-call or instead of answering a gather. Driven by the real telnyx SDK.
import Telnyx, { APIError } from 'telnyx';
import { eventTypes, waitForEvent } from './call-webhooks.test-support';
import { startTelnyxSandbox } from './index';
import type { TelnyxSandbox } from './types';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.test-support';

const API_KEY = 'KEY_test_callees';
const BUSINESS = '+15125550100';
const LEAD = '+15125550177';
const OWNER = '+15125550142';

async function apiError(work: Promise<unknown>): Promise<{ status: number | undefined; code: string | undefined }> {
  try {
    await work;
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    return { status: error.status, code: (error.error as { errors?: Array<{ code?: string }> }).errors?.[0]?.code };
  }
  throw new Error('expected the request to fail');
}

describe('callee scripts', () => {
  let sandbox: TelnyxSandbox;
  let receiver: WebhookReceiver;
  let client: Telnyx;
  const dial = async (to: string, extra: { answering_machine_detection?: 'detect' } = {}) => {
    const response = await client.calls.dial({ connection_id: sandbox.connectionId, from: BUSINESS, to, ...extra });
    return response.data?.call_control_id ?? '';
  };

  beforeEach(async () => {
    receiver = await startWebhookReceiver();
    sandbox = await startTelnyxSandbox({ apiKey: API_KEY, ownedNumbers: [BUSINESS], voiceWebhookUrl: receiver.url('/voice') });
    client = new Telnyx({ apiKey: API_KEY, baseURL: sandbox.baseUrl, maxRetries: 0 });
  });
  afterEach(async () => {
    await sandbox.close();
    await receiver.close();
  });

  it('no answer: call.hangup with cause timeout after the ring; speak on it answers 422 (90034 ringing, 90018 ended)', async () => {
    sandbox.scriptCallee(OWNER, { answer: 'no-answer', ringMs: 150 });
    const id = await dial(OWNER);
    expect(await apiError(client.calls.actions.speak(id, { payload: 'hello?', voice: 'female' }))).toEqual({ status: 422, code: '90034' });

    const hangup = await waitForEvent(receiver, id, 'call.hangup');
    expect(hangup.json.data.payload).toMatchObject({ hangup_cause: 'timeout', from: BUSINESS, to: OWNER });
    expect(eventTypes(receiver, id)).toEqual(['call.initiated', 'call.hangup']);
    expect(await apiError(client.calls.actions.speak(id, { payload: 'hello?', voice: 'female' }))).toEqual({ status: 422, code: '90018' });
    expect(sandbox.calls()[0]).toMatchObject({ status: 'ended', hangupCause: 'timeout', spoken: [] });
  });

  it('busy: call.hangup with cause user_busy from the callee', async () => {
    sandbox.scriptCallee(OWNER, { answer: 'busy' });
    const id = await dial(OWNER);
    const hangup = await waitForEvent(receiver, id, 'call.hangup');
    expect(hangup.json.data.payload).toMatchObject({ hangup_cause: 'user_busy', hangup_source: 'callee', sip_hangup_cause: '486' });
  });

  it('hanging up a call that still rings cancels it (originator_cancel), and the callee never answers', async () => {
    sandbox.scriptCallee(LEAD, { answer: 'human', ringMs: 100 });
    const id = await dial(LEAD);
    await client.calls.actions.hangup(id, {});
    const hangup = await waitForEvent(receiver, id, 'call.hangup');
    expect(hangup.json.data.payload).toMatchObject({ hangup_cause: 'originator_cancel', hangup_source: 'caller' });
    // A second call with the same ring, dialled later, being answered proves the first one's ring is over.
    const later = await dial(LEAD);
    await waitForEvent(receiver, later, 'call.answered');
    expect(eventTypes(receiver, id)).toEqual(['call.initiated', 'call.hangup']);
  });

  it('voicemail: answered, then machine detection "machine" only when the dial asked for it', async () => {
    sandbox.scriptCallee(LEAD, { answer: 'voicemail' });
    const detected = await dial(LEAD, { answering_machine_detection: 'detect' });
    const detection = await waitForEvent(receiver, detected, 'call.machine.detection.ended');
    expect(detection.json.data.payload).toMatchObject({ result: 'machine', call_control_id: detected, to: LEAD });
    expect(eventTypes(receiver, detected)).toEqual(['call.initiated', 'call.answered', 'call.machine.detection.ended']);

    const plain = await dial(LEAD);
    await waitForEvent(receiver, plain, 'call.answered');
    await client.calls.actions.speak(plain, { payload: 'Please call us back.', voice: 'female' });
    await waitForEvent(receiver, plain, 'call.speak.ended');
    expect(eventTypes(receiver, plain)).not.toContain('call.machine.detection.ended');

    sandbox.scriptCallee(OWNER, { answer: 'human' });
    const person = await dial(OWNER, { answering_machine_detection: 'detect' });
    expect((await waitForEvent(receiver, person, 'call.machine.detection.ended')).json.data.payload.result).toBe('human');
  });

  it('the callee hangs up mid-call: call.hangup from the callee; our own hangup then answers 90018', async () => {
    sandbox.scriptCallee(LEAD, { answer: 'human', hangUpAfterMs: 60 });
    const id = await dial(LEAD);
    const answered = await sandbox.waitForCall((call) => call.to === LEAD && call.status === 'answered');
    expect(answered.answeredAt).toBeGreaterThan(0);

    const ended = await sandbox.waitForCall((call) => call.callControlId === id && call.status === 'ended');
    expect(ended).toMatchObject({ hangupCause: 'normal_clearing', hangupSource: 'callee' });
    expect(ended.endedAt).toBeGreaterThanOrEqual(answered.answeredAt ?? Infinity);
    const hangup = await waitForEvent(receiver, id, 'call.hangup');
    expect(hangup.json.data.payload).toMatchObject({ hangup_cause: 'normal_clearing', hangup_source: 'callee' });
    expect(await apiError(client.calls.actions.hangup(id, {}))).toEqual({ status: 422, code: '90018' });
  });

  it('a gather the callee answers by hanging up; gather_using_speak reads digits from the script', async () => {
    sandbox.scriptCallee(LEAD, { answer: 'human', gatherResults: [{ digits: '1' }, { hangUp: true }] });
    const id = await dial(LEAD);
    await waitForEvent(receiver, id, 'call.answered');

    await client.calls.actions.gatherUsingSpeak(id, { payload: 'Press 1 to confirm.', voice: 'female' });
    expect((await waitForEvent(receiver, id, 'call.gather.ended')).json.data.payload).toMatchObject({ digits: '1', status: 'valid' });
    await client.calls.actions.gatherUsingAI(id, { parameters: { type: 'object' }, greeting: 'What time suits you?' });
    const hangup = await waitForEvent(receiver, id, 'call.hangup');
    expect(hangup.json.data.payload).toMatchObject({ hangup_source: 'callee' });
    expect(eventTypes(receiver, id)).toEqual(['call.initiated', 'call.answered', 'call.gather.ended', 'call.hangup']);
    expect(sandbox.calls()[0]?.spoken).toEqual(['Press 1 to confirm.', 'What time suits you?']);
  });

  it('scripts callees and lists dialled calls over the control API; says what it saw when waitForCall times out', async () => {
    const origin = sandbox.baseUrl.replace(/\/v2$/, '');
    const post = (body: unknown) =>
      fetch(`${origin}/sandbox/callees`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post({ phone: OWNER, answer: 'busy', ringMs: 5 })).status).toBe(200);
    expect(await (await post({ phone: OWNER, answer: 'maybe' })).json()).toEqual({ error: expect.stringMatching(/`answer` must be one of/) });

    const id = await dial(OWNER);
    await waitForEvent(receiver, id, 'call.hangup');
    const listed = (await (await fetch(`${origin}/sandbox/dialed-calls`)).json()) as { data: Array<{ callControlId: string; status: string }> };
    expect(listed.data).toEqual([expect.objectContaining({ callControlId: id, status: 'ended' })]);
    await expect(sandbox.waitForCall((call) => call.status === 'answered', 50)).rejects.toThrow(/no call matched within 50 ms \(\+15125550142: ended\)/);
  });
});
