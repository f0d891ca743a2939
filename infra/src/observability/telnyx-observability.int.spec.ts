import { startTelnyxSandbox, type TelnyxSandbox } from '@naxio/telnyx-sandbox';
import { createTelnyxClient } from '../telnyx/telnyx-client';
import { TelnyxSmsGateway } from '../telnyx/telnyx-sms-gateway';
import { currentValue } from './scrape.test-support';
import { parseTraceparent, runInTrace, startTrace } from './index';

// The SMS request carries the trace it was sent in, and every request is timed and counted.
const API_KEY = 'KEY_observability';
const BUSINESS = '+15125550100';
const CALLER = '+15125550199';
const telnyx = { vendor: 'telnyx', operation: 'messages.send' };

let sandbox: TelnyxSandbox;
let sms: TelnyxSmsGateway;
beforeAll(async () => {
  sandbox = await startTelnyxSandbox({ apiKey: API_KEY, ownedNumbers: [BUSINESS] });
  sms = new TelnyxSmsGateway(createTelnyxClient({ apiKey: API_KEY, baseUrl: sandbox.baseUrl }));
});
afterAll(() => sandbox.close());

it('sends the traceparent of the work in progress, as a span of the same trace', async () => {
  const trace = startTrace();
  const result = await runInTrace(trace, () => sms.send({ from: BUSINESS, to: CALLER, text: 'Sorry we missed your call' }));
  expect(result.outcome).toBe('accepted');
  const sent = sandbox.sentMessages().at(-1)!;
  const carried = parseTraceparent(sent.headers?.traceparent);
  expect(carried?.traceId).toBe(trace.traceId);
  expect(carried?.spanId).not.toBe(trace.spanId);
  expect(sent.headers).not.toHaveProperty('authorization');
});

it('sends no traceparent outside a trace', async () => {
  await sms.send({ from: BUSINESS, to: CALLER, text: 'again' });
  expect(sandbox.sentMessages().at(-1)!.headers).not.toHaveProperty('traceparent');
});

it('counts accepted and failed sends and times both', async () => {
  const ok = await currentValue('naxio_vendor_requests_total', { ...telnyx, outcome: 'ok' });
  const unavailable = await currentValue('naxio_vendor_requests_total', { ...telnyx, outcome: 'server_error' });
  const blocked = await currentValue('naxio_vendor_requests_total', { ...telnyx, outcome: 'client_error' });
  const timed = await currentValue('naxio_vendor_request_seconds_count', telnyx);

  await sms.send({ from: BUSINESS, to: CALLER, text: 'one' });
  sandbox.failNextSends(1, 503);
  expect((await sms.send({ from: BUSINESS, to: CALLER, text: 'two' })).outcome).toBe('unavailable');
  sandbox.blockRecipient(CALLER);
  expect((await sms.send({ from: BUSINESS, to: CALLER, text: 'three' })).outcome).toBe('blocked');

  expect(await currentValue('naxio_vendor_requests_total', { ...telnyx, outcome: 'ok' })).toBe(ok + 1);
  expect(await currentValue('naxio_vendor_requests_total', { ...telnyx, outcome: 'server_error' })).toBe(unavailable + 1);
  expect(await currentValue('naxio_vendor_requests_total', { ...telnyx, outcome: 'client_error' })).toBe(blocked + 1);
  expect(await currentValue('naxio_vendor_request_seconds_count', telnyx)).toBe(timed + 3);
});
