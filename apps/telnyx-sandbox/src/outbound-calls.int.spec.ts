// The sandbox as the callee of outbound Call Control calls, driven by the real telnyx SDK.
import Telnyx, { APIError } from 'telnyx';
import { eventTypes, waitForEvent } from './call-webhooks.test-support';
import type { TelnyxSandbox } from './types';
import { closeSandboxWithReceiver, startSandboxWithReceiver, type WebhookReceiver } from './webhook-receiver.test-support';

const API_KEY = 'KEY_test_outbound';
const CONNECTION = '1684641123236054244';
const BUSINESS = '+15125550100';
const LEAD = '+15125550177';
const state = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64');

async function caught(work: Promise<unknown>): Promise<APIError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof APIError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}
const codeOf = (error: APIError) => (error.error as { errors?: Array<{ code?: string }> }).errors?.[0]?.code;

describe('outbound calls: the sandbox plays the callee', () => {
  let sandbox: TelnyxSandbox;
  let receiver: WebhookReceiver;
  let client: Telnyx;

  beforeEach(async () => {
    ({ sandbox, receiver, client } = await startSandboxWithReceiver((r) => ({ apiKey: API_KEY, ownedNumbers: [BUSINESS], connectionId: CONNECTION, voiceWebhookUrl: r.url('/voice') })));
  });
  afterEach(() => closeSandboxWithReceiver({ sandbox, receiver, client }));

  it('dials a person: initiated (outgoing, bridging) and answered echo client_state; speak ends in speak.ended', async () => {
    const dialState = state({ kind: 'owner-alert', leadId: 'lead-1' });
    const dialed = await client.calls.dial({ connection_id: CONNECTION, from: BUSINESS, to: LEAD, client_state: dialState });
    expect(dialed.data).toMatchObject({ is_alive: false, record_type: 'call', client_state: dialState });
    const id = dialed.data?.call_control_id ?? '';
    expect(id).toMatch(/^v3:/);

    const answered = await waitForEvent(receiver, id, 'call.answered');
    const [initiated] = receiver.received;
    expect(initiated?.json.data.payload).toMatchObject({
      direction: 'outgoing',
      state: 'bridging',
      from: BUSINESS,
      to: LEAD,
      client_state: dialState,
      connection_id: CONNECTION,
      call_leg_id: dialed.data?.call_leg_id,
      call_session_id: dialed.data?.call_session_id,
    });
    expect(answered.json.data.payload).toMatchObject({ call_control_id: id, client_state: dialState });
    await expect(client.webhooks.unwrap(answered.rawBody, { headers: answered.headers })).resolves.toBeDefined();

    const speakState = state({ step: 'alert-read' });
    const spoken = await client.calls.actions.speak(id, { payload: 'Emergency at 12 Oak St', voice: 'female', client_state: speakState });
    expect(spoken.data).toEqual({ result: 'ok' });
    const ended = await waitForEvent(receiver, id, 'call.speak.ended');
    expect(ended.json.data.payload).toMatchObject({ status: 'completed', client_state: speakState });
    expect(eventTypes(receiver, id)).toEqual(['call.initiated', 'call.answered', 'call.speak.started', 'call.speak.ended']);
    expect(sandbox.calls()).toEqual([
      expect.objectContaining({ callControlId: id, status: 'answered', clientState: speakState, spoken: ['Emergency at 12 Oak St'] }),
    ]);
  });

  it('answers gather_using_ai with the scripted result in call.ai_gather.ended, then nothing once the script runs dry', async () => {
    sandbox.scriptCallee(LEAD, { answer: 'human', gatherResults: [{ slot: 'tomorrow 9am', name: 'Dana' }] });
    const dialed = await client.calls.dial({ connection_id: CONNECTION, from: BUSINESS, to: LEAD, webhook_url: receiver.url('/callback') });
    const id = dialed.data?.call_control_id ?? '';
    await waitForEvent(receiver, id, 'call.answered');

    const parameters = { type: 'object', properties: { slot: { type: 'string' }, name: { type: 'string' } } };
    const gathered = await client.calls.actions.gatherUsingAI(id, { parameters, greeting: 'Hi, this is Jordan. When suits you?' });
    expect(gathered.data?.result).toBe('ok');
    const first = await waitForEvent(receiver, id, 'call.ai_gather.ended');
    expect(first.path).toBe('/callback'); // the dial's webhook_url wins over the voice URL
    expect(first.json.data.payload).toMatchObject({
      status: 'valid',
      result: { slot: 'tomorrow 9am', name: 'Dana' },
      message_history: [{ role: 'assistant', content: 'Hi, this is Jordan. When suits you?' }, { role: 'user', content: expect.stringContaining('tomorrow 9am') }],
      from: BUSINESS,
      to: LEAD,
    });

    await client.calls.actions.gatherUsingAI(id, { parameters });
    const second = await waitForEvent(receiver, id, 'call.ai_gather.ended', { nth: 2 });
    expect(second.json.data.payload).toMatchObject({ status: 'invalid', result: {}, message_history: [] });
    expect(sandbox.calls()[0]?.spoken).toEqual(['Hi, this is Jordan. When suits you?']);
  });

  it('hangs up from our side: call.hangup normal_clearing from the caller; later commands answer 90018', async () => {
    const dialed = await client.calls.dial({ connection_id: CONNECTION, from: BUSINESS, to: LEAD });
    const id = dialed.data?.call_control_id ?? '';
    await waitForEvent(receiver, id, 'call.answered');

    await expect(client.calls.actions.hangup(id, {})).resolves.toMatchObject({ data: { result: 'ok' } });
    const hangup = await waitForEvent(receiver, id, 'call.hangup');
    expect(hangup.json.data.payload).toMatchObject({ hangup_cause: 'normal_clearing', hangup_source: 'caller', sip_hangup_cause: '200' });
    const error = await caught(client.calls.actions.speak(id, { payload: 'anyone there?', voice: 'female' }));
    expect(error.status).toBe(422);
    expect(error.error).toEqual({
      errors: [{ code: '90018', title: 'Call has already ended', detail: "This call is no longer active and can't receive commands." }],
    });
    expect(sandbox.calls()[0]).toMatchObject({ status: 'ended', hangupCause: 'normal_clearing', hangupSource: 'caller' });
  });

  it('validates the dial: unknown connection, a `from` the account does not own, a `to` that is not E.164', async () => {
    const base = { connection_id: CONNECTION, from: BUSINESS, to: LEAD };
    expect(codeOf(await caught(client.calls.dial({ ...base, connection_id: '999' })))).toBe('10017');
    expect(codeOf(await caught(client.calls.dial({ ...base, from: '+15125550111' })))).toBe('10002');
    const badTo = await caught(client.calls.dial({ ...base, to: '512-555-0177' }));
    expect([badTo.status, codeOf(badTo)]).toEqual([422, '10016']);
    expect(codeOf(await caught(client.calls.dial({ ...base, to: '' })))).toBe('10004');
    expect(sandbox.calls()).toEqual([]);
    expect(sandbox.connectionId).toBe(CONNECTION);
  });

  it('lists the connection’s calls still up with their client_state, page by page, and not a call once it ended', async () => {
    sandbox.scriptCallee(LEAD, { answer: 'no-answer', ringMs: 60_000 });
    const states = ['a', 'b', 'c'].map((claim) => state({ claim }));
    const ids = [];
    for (const clientState of states) ids.push((await client.calls.dial({ connection_id: CONNECTION, from: BUSINESS, to: LEAD, client_state: clientState })).data!.call_control_id);
    const listed = [];
    for await (const call of client.connections.listActiveCalls(CONNECTION, { 'page[size]': 2 })) listed.push(call);
    expect(listed.map((call) => [call.call_control_id, call.client_state, call.record_type])).toEqual(ids.map((id, i) => [id, states[i], 'call']));

    await client.calls.actions.hangup(ids[1]!, {});
    const after = await client.connections.listActiveCalls(CONNECTION);
    expect(after.data.map((call) => call.call_control_id)).toEqual([ids[0], ids[2]]);
    expect(after.meta).toMatchObject({ page_number: 1, total_pages: 1, total_results: 2 });
    expect((await caught(client.connections.listActiveCalls('999'))).status).toBe(404);
    expect((await caught(client.connections.listActiveCalls(CONNECTION, { 'page[size]': 251 }))).status).toBe(400);
  });
});
