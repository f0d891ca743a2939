import Anthropic from '@anthropic-ai/sdk';
import { startAnthropicSandbox } from './server';
import type { AnthropicSandbox } from './types';

const API_KEY = 'sk-ant-sandbox-spec';
let sandbox: AnthropicSandbox;
let client: Anthropic;

beforeEach(async () => {
  sandbox = await startAnthropicSandbox({ apiKey: API_KEY });
  client = new Anthropic({ apiKey: API_KEY, baseURL: sandbox.baseUrl, maxRetries: 0 });
});
afterEach(() => sandbox.close());

const hello = { model: 'claude-any', max_tokens: 64, messages: [{ role: 'user' as const, content: 'Hello' }] };

/** A raw POST, for what the SDK will not send (other auth styles, missing headers, bad bodies). */
function post(body: unknown, headers: Record<string, string> = { 'x-api-key': API_KEY, 'anthropic-version': '2023-06-01' }) {
  return fetch(`${sandbox.baseUrl}/v1/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

// Error bodies are read as the API's loose JSON, field by field.
const json = (response: Response): Promise<any> => response.json();

async function refusal(promise: Promise<unknown>): Promise<{ status: number; type: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Anthropic.APIError) return { status: error.status!, type: error.type!, message: error.apiMessage! };
    throw error;
  }
  throw new Error('expected the request to be refused');
}

describe('Anthropic sandbox', () => {
  it('answers the SDK with a Message in the API shape', async () => {
    sandbox.script({ text: 'Hi there' });
    const message = await client.messages.create(hello);
    expect(message).toMatchObject({ type: 'message', role: 'assistant', model: 'claude-any', stop_reason: 'end_turn', stop_sequence: null });
    expect(message.id).toMatch(/^msg_01\w{22}$/);
    expect(message.content).toEqual([{ type: 'text', text: 'Hi there', citations: null }]);
    expect(message.usage.input_tokens).toBeGreaterThan(0);
    expect(message._request_id).toMatch(/^req_01/);
  });

  it('accepts x-api-key as older clients send it, and refuses a wrong or missing key', async () => {
    expect((await post(hello)).status).toBe(200);
    const wrong = await post(hello, { 'x-api-key': 'nope', 'anthropic-version': '2023-06-01' });
    expect(wrong.status).toBe(401);
    expect(await json(wrong)).toMatchObject({ type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } });
    const missing = await post(hello, { 'anthropic-version': '2023-06-01' });
    expect((await json(missing)).error.message).toBe('x-api-key header is required');
    const bearer = new Anthropic({ apiKey: 'nope', baseURL: sandbox.baseUrl, maxRetries: 0 });
    expect(await refusal(bearer.messages.create(hello))).toMatchObject({ status: 401, type: 'authentication_error' });
  });

  it.each([
    [{ ...hello, model: undefined }, 'model: Field required'],
    [{ ...hello, max_tokens: undefined }, 'max_tokens: Field required'],
    [{ ...hello, messages: [] }, 'messages: at least one message is required'],
    [{ ...hello, messages: [{ role: 'assistant', content: 'Hi' }] }, 'messages: first message must use the "user" role'],
    [{ ...hello, messages: [{ role: 'user', content: 'a' }, { role: 'user', content: 'b' }] }, 'but found multiple "user" roles in a row'],
    [{ ...hello, tools: [{ name: 'x', input_schema: { type: 'array' } }] }, "tools.0.custom.input_schema.type: Input should be 'object'"],
    [{ ...hello, tools: [{ name: 'x', input_schema: { type: 'object' } }], tool_choice: { type: 'tool', name: 'y' } }, "Tool 'y' not found"],
    [{ ...hello, tool_choice: { type: 'any' } }, 'tool_choice may only be specified while providing tools'],
    [{ ...hello, output_config: { format: { type: 'json' } } }, "output_config.format.type: Input should be 'json_schema'"],
    [{ ...hello, temperature: 0.2 }, 'temperature: Extra inputs are not permitted'],
  ])('refuses an invalid request with a clear message (%#)', async (body, message) => {
    const refused = await refusal(client.messages.create(body as never));
    expect(refused.status).toBe(400);
    expect(refused.type).toBe('invalid_request_error');
    expect(refused.message).toContain(message);
  });

  it('takes sampling parameters under the older API version only', async () => {
    expect((await post({ ...hello, temperature: 0.2 })).status).toBe(200);
  });

  it('requires the anthropic-version header', async () => {
    const response = await post(hello, { 'x-api-key': API_KEY });
    expect(response.status).toBe(400);
    expect((await json(response)).error.message).toBe('anthropic-version: header is required');
  });

  it('sends retry-after, request-id and x-should-retry with a scripted 429', async () => {
    sandbox.script({ status: 429, retryAfterSeconds: 7 });
    const response = await post(hello);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.headers.get('x-should-retry')).toBe('true');
    const body = await json(response);
    expect(body).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' } });
    expect(body.request_id).toBe(response.headers.get('request-id'));
  });

  it('answers 529 overloaded_error as the API does', async () => {
    sandbox.script({ status: 529 });
    expect(await refusal(client.messages.create(hello))).toEqual({ status: 529, type: 'overloaded_error', message: 'Overloaded' });
  });

  it('builds a tool_use that fits the forced tool when nothing is scripted, and one that does not when asked', async () => {
    const tools = [{ name: 'pick', input_schema: { type: 'object' as const, properties: { colour: { type: 'string', enum: ['red', 'blue'] } }, required: ['colour'] } }];
    const forced = { ...hello, messages: [{ role: 'user' as const, content: 'I like blue' }], tools, tool_choice: { type: 'tool' as const, name: 'pick' } };
    const fits = await client.messages.create(forced);
    expect(fits.stop_reason).toBe('tool_use');
    expect(fits.content[0]).toMatchObject({ type: 'tool_use', name: 'pick', input: { colour: 'blue' } });
    sandbox.script({ malformed: true });
    const misfit = await client.messages.create(forced);
    expect(misfit.content[0]).toMatchObject({ type: 'tool_use', name: 'pick', input: { colour: 42 } });
  });

  it('records every request, refused ones included, and uses scripted answers in order', async () => {
    sandbox.script({ text: 'one' }, { text: 'two' });
    await post(hello, { 'x-api-key': 'nope', 'anthropic-version': '2023-06-01' });
    const first = await client.messages.create(hello);
    expect(first.content[0]).toMatchObject({ text: 'one' });
    expect(sandbox.pendingAnswers()).toBe(1);
    expect(sandbox.requests().map((r) => r.headers['x-api-key'] ?? r.headers.authorization)).toEqual(['nope', `Bearer ${API_KEY}`]);
    expect(sandbox.requests()[1]!.body).toMatchObject({ model: 'claude-any', max_tokens: 64 });
  });

  it('stops waiting on a slow answer when the client gives up', async () => {
    sandbox.script({ delayMs: 10_000, then: { text: 'late' } });
    const started = Date.now();
    await expect(client.messages.create(hello, { timeout: 200 })).rejects.toBeInstanceOf(Anthropic.APIConnectionTimeoutError);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('answers 404 not_found_error off the messages path', async () => {
    const response = await fetch(`${sandbox.baseUrl}/v1/complete`, { method: 'POST' });
    expect(response.status).toBe(404);
    expect((await json(response)).error.type).toBe('not_found_error');
  });
});
