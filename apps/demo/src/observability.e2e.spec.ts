import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { dropDatabase, eventually, leadStreamId, createLogger, parseTraceparent, type TracedMetadata, useLogger } from '@naxio/infra';
import { captureLines } from '@naxio/infra/src/observability/log-capture.test-support';
import { sampleValue } from '@naxio/infra/src/observability/scrape.test-support';
import { webhookBody } from '@naxio/telnyx-sandbox';
import { freshDatabase } from '../../../test/support/postgres';
import { freshTopic, kafkaBrokers } from '../../../test/support/kafka';
import { type LocalSystem, startLocalSystem } from './local-system';
import { settle } from './settle';

// Metrics, traces and logs of the whole loop, read the way an operator would: /metrics scraped over
// HTTP, the traceparent the SMS request carried to Telnyx, and the log lines the process wrote.
const logged = captureLines();
let system: LocalSystem;
let url: string;
let topic: string;

beforeAll(async () => {
  useLogger(createLogger({ level: 'debug', destination: logged }));
  const db = await freshDatabase('observability');
  await db.pool.end();
  url = db.url;
  topic = await freshTopic('observability');
  system = await startLocalSystem({ databaseUrl: url, kafkaBrokers: kafkaBrokers(), topic, tenantsFile: join(__dirname, '..', '..', '..', 'infra', 'seed', 'tenants.json') });
});
afterAll(async () => {
  await system.stop();
  await dropDatabase(url);
});

const tenant = (id: string) => system.tenants.find((t) => t.id === id)!;
const telnyx = () => system.sandboxes.telnyx;
const scrape = async () => {
  const response = await fetch(`${system.ingressUrl}/metrics`);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  return response.text();
};
const openingTextCount = (text: string) => sampleValue(text, 'naxio_text_back_latency_seconds_count');

describe('observability of the loop', () => {
  it('counts N missed calls, N opening texts and their latency, and a texter that has caught up', async () => {
    const callers = ['+15125554101', '+15125554102', '+15125554103'];
    const before = await scrape();
    for (const caller of callers) await telnyx().ringOut({ from: caller, to: tenant('peak-comfort').phoneNumbers[0]!, hangupCause: 'timeout' });
    for (const caller of callers) await telnyx().waitForMessages(1, { to: caller, timeoutMs: 20000 });
    await settle(system.pool);

    const after = await scrape();
    const delta = (name: string, labels: Record<string, string> = {}) => sampleValue(after, name, labels) - sampleValue(before, name, labels);
    expect(delta('naxio_events_appended_total', { type: 'CallMissed' })).toBe(callers.length);
    expect(delta('naxio_events_appended_total', { type: 'TextSent' })).toBe(callers.length);
    expect(openingTextCount(after) - openingTextCount(before)).toBe(callers.length);
    // Three texts, each within the seconds the README promises (the 10 s bucket holds them all).
    expect(delta('naxio_text_back_latency_seconds_bucket', { le: '10' })).toBe(callers.length);
    const texter = `texter:${topic}`;
    expect(delta('naxio_events_handled_total', { group: texter, type: 'CallMissed', outcome: 'handled' })).toBe(callers.length);
    expect(delta('naxio_vendor_requests_total', { vendor: 'telnyx', operation: 'messages.send', outcome: 'ok' })).toBeGreaterThanOrEqual(callers.length);
    expect(after).toMatch(new RegExp(`^naxio_consumer_lag\\{group="${texter}",partition="\\d+"\\} 0$`, 'm'));
    expect(sampleValue(after, 'naxio_consumer_lag', { group: texter })).toBe(0);
  });

  it('keeps the trace id a webhook arrived with all the way to the SMS request', async () => {
    const caller = '+15125554201';
    const incoming = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const body = webhookBody(
      {
        id: randomUUID(),
        eventType: 'call.hangup',
        occurredAt: new Date().toISOString(),
        payload: { call_control_id: 'v3:cc-trace', call_session_id: randomUUID(), from: caller, to: tenant('peak-comfort').phoneNumbers[0]!, hangup_cause: 'timeout', client_state: null },
      },
      1,
      `${system.ingressUrl}/webhooks/telnyx/voice`,
    );
    const answer = await fetch(`${system.ingressUrl}/webhooks/telnyx/voice`, { method: 'POST', body, headers: { 'content-type': 'application/json', traceparent: incoming, ...telnyx().sign(body) } });
    expect(await answer.json()).toMatchObject({ status: 'recorded' });

    const [sms] = await telnyx().waitForMessages(1, { to: caller, timeoutMs: 20000 });
    expect(parseTraceparent(sms!.headers?.traceparent)?.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    // Every step in between wrote it down: the missed call, the claim before the send, the confirmation.
    const leadId = leadStreamId('peak-comfort', caller);
    const events = await eventually(async () => {
      const stream = (await system.store.readStream(leadId)).events;
      return stream.some((e) => e.type === 'TextSent') ? stream : undefined;
    }, 20000, 'TextSent');
    const traceOf = (type: string) => parseTraceparent((events.find((e) => e.type === type)!.metadata as TracedMetadata).traceparent)?.traceId;
    expect(['CallMissed', 'TextSendAttempted'].map(traceOf)).toEqual(['4bf92f3577b34da6a3ce929d0e0e4736', '4bf92f3577b34da6a3ce929d0e0e4736']);
  });

  it('logs a lead by its ids, never its number or what was written', async () => {
    const caller = '+15125554301';
    const reply = 'water heater leaking all over the garage floor, 78701';
    const peak = tenant('peak-comfort');
    const leadId = leadStreamId(peak.id, caller);
    // The first send fails, so the texter's handler fails once and the consumer logs it.
    telnyx().failNextSends(1, 503);
    await telnyx().ringOut({ from: caller, to: peak.phoneNumbers[0]!, hangupCause: 'timeout' });
    await telnyx().waitForMessages(1, { to: caller, timeoutMs: 30000 });
    await telnyx().sendInboundSms({ from: caller, to: peak.phoneNumbers[0]!, text: reply });
    await settle(system.pool);

    const lines = logged.lines.join('');
    const records = logged.records().filter((r) => r.leadId === leadId);
    const failure = records.find((r) => r.msg === 'event handler failed; retrying' && r.type === 'CallMissed');
    // The bus carries personal fields sealed per lead, so the consumer's log holds the sealed value.
    expect(failure).toMatchObject({ tenantId: peak.id, group: `texter:${topic}`, data: { callerPhone: expect.stringMatching(/^pii:v1:/) }, traceId: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(failure!.correlationId).toEqual(expect.any(String));
    expect(records.some((r) => r.msg === 'event handled' && r.type === 'ReplyReceived')).toBe(true);
    expect(lines).not.toContain(caller);
    expect(lines).not.toContain(reply);
    for (const sent of telnyx().sentMessages().filter((m) => m.to === caller)) expect(lines).not.toContain(sent.text);
  });
});
