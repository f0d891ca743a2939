import { generateKeyPairSync, sign as ed25519Sign } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { startTelnyxSandbox, type TelnyxSandbox } from '@naxio/telnyx-sandbox';
import { callHangupPayload, newCallLeg } from '../../telnyx-sandbox/src/call-payloads';
import { InMemoryTenantDirectory, PostgresEventStore, TelnyxWebhookVerifier } from '@naxio/infra';
import { systemClock } from '@naxio/domain';
import { PEAK_COMFORT_PHONE, peakComfort } from '../../../test/support/tenants';
import { freshDatabase, type TestDatabase } from '../../../test/support/postgres';
import { BODY_LIMIT_BYTES, buildIngress } from './app';
import type { ErrorCode } from './errors';

// 10,000 hostile or pointless webhooks, the same ones every run (seeded), each with the one answer it
// must get; none may append an event, none may answer 5xx, and the ingress must still record after.
const SEED = 0x7e1e7;
const CASES = 10_000;
const TENANT = PEAK_COMFORT_PHONE;
const VOICE = '/webhooks/telnyx/voice';
const MESSAGING = '/webhooks/telnyx/messaging';

/** mulberry32: a tiny seeded PRNG, so a failing case can be replayed from its index. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => int(0, 9)).join('');
  return { next, int, pick, digits, phone: () => `+1${int(2, 9)}${digits(9)}` };
}
type Rnd = ReturnType<typeof random>;

type Expected = { status: 200 } | { status: 400 | 401 | 404 | 413 | 415; code: ErrorCode | 'not_found' };
type Signing = 'valid' | 'none' | 'tampered' | 'other-key' | 'stale' | 'future' | 'malformed';
type Case = { family: string; what: string; url: string; body: string | Buffer; contentType?: string; signing: Signing; expected: Expected };

const IGNORED: Expected = { status: 200 };
const err = (status: 400 | 401 | 404 | 413 | 415, code: ErrorCode | 'not_found'): Expected => ({ status, code });
const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64');
const long = (n: number) => 'x'.repeat(n);

function envelope(r: Rnd, eventType: string, payload: unknown): Record<string, unknown> {
  const at = new Date(Date.UTC(2026, 0, 1) + r.int(0, 3e10)).toISOString();
  return { data: { event_type: eventType, id: `${r.digits(8)}-${r.digits(4)}`, occurred_at: at, payload, record_type: 'event' }, meta: { attempt: r.int(1, 3), delivered_to: 'https://example.test/hooks' } };
}
/** A call.hangup as the sandbox sends it: a missed call to the tenant unless `over` says otherwise. */
const hangup = (r: Rnd, over: Record<string, unknown> = {}) => ({
  call_control_id: `v3:${r.digits(54)}`, call_leg_id: r.digits(12), call_session_id: r.digits(16), call_quality_stats: null, calling_party_type: 'pstn', client_state: null,
  connection_id: r.digits(19), end_time: '2026-07-28T16:59:58.668296Z', from: r.phone(), hangup_cause: r.pick(['timeout', 'no_answer', 'originator_cancel', 'user_busy']),
  hangup_source: 'unknown', sip_hangup_cause: '408', start_time: '2026-07-28T16:59:31.102000Z', to: TENANT, ...over,
});
const received = (r: Rnd, over: Record<string, unknown> = {}) => ({ id: r.digits(12), direction: 'inbound', type: 'SMS', from: { phone_number: r.phone() }, to: [{ phone_number: TENANT }], text: 'hi', media: [], ...over });
const json = (value: unknown) => JSON.stringify(value);
const signed = (family: string, what: string, body: string, expected: Expected, url = VOICE): Case => ({ family, what, url, body, signing: 'valid', expected });

/** Replaces one field (or removes it: undefined) of a nested object, by path. */
function withField(value: Record<string, unknown>, path: string[], field: unknown): Record<string, unknown> {
  const [head, ...rest] = path as [string, ...string[]];
  const copy = { ...value };
  copy[head] = rest.length === 0 ? field : withField(copy[head] as Record<string, unknown>, rest, field);
  return copy;
}

const notEnvelope: Array<[string, unknown]> = [
  ['root null', null], ['root number', 42], ['root string', 'call.hangup'], ['root array', [{ data: {} }]], ['root {}', {}], ['data null', { data: null }], ['data array', { data: [] }],
];
const badEnvelopeFields: Array<[string[], unknown]> = [
  [['data', 'payload'], []], [['data', 'payload'], null], [['data', 'payload'], 'x'], [['data', 'record_type'], 'Event'], [['data', 'record_type'], undefined],
  [['data', 'event_type'], ''], [['data', 'event_type'], 7], [['data', 'event_type'], long(101)], [['data', 'id'], undefined], [['data', 'id'], ''], [['data', 'id'], long(101)],
  [['data', 'occurred_at'], 'yesterday'], [['data', 'occurred_at'], 1753721998], [['data', 'occurred_at'], '2026-07-28 16:59:58'], [['meta'], []], [['meta'], null],
  [['meta', 'attempt'], 1.5], [['meta', 'attempt'], '1'], [['meta', 'delivered_to'], 5],
];
const badHangupFields: Array<[string, unknown]> = [
  ['call_session_id', undefined], ['call_session_id', null], ['call_session_id', ''], ['call_session_id', 42], ['call_session_id', long(201)], ['call_session_id', {}],
  ['from', undefined], ['from', null], ['from', 7], ['from', ''], ['from', [TENANT]], ['to', undefined], ['to', ''], ['to', { phone_number: TENANT }], ['to', long(201)],
  ['hangup_cause', undefined], ['hangup_cause', 42], ['hangup_cause', ''], ['hangup_cause', long(65)], ['client_state', 42], ['client_state', []], ['client_state', long(4097)],
  ['start_time', 'yesterday'], ['start_time', 5], ['direction', 'sideways'], ['direction', null], ['call_control_id', 5], ['call_control_id', long(401)],
];
const notE164 = ['5125550100', '+0125550100', '+1 512 555 0100', '+１５１２５５５０１００', 'sip:office@example.test', '+1234567', `+1${'5'.repeat(15)}`, '+15125550100\n'];
const withheld = ['anonymous', 'Anonymous', 'Restricted', 'unknown', '+', '5125550123', '+１５１２５５５０１２３', 'Ω'];
const otherVoiceEvents = ['call.initiated', 'call.answered', 'call.bridged', 'call.speak.ended', 'CALL.HANGUP', 'call.hangup ', 'call.ハングアップ', '☎️'];
const answeredCauses = ['normal_clearing', 'NORMAL_CLEARING', 'call_rejected', 'unallocated_number', 'tímeout', 'timeout\u0000'];

/** Built as text: JSON.stringify itself recurses, and gives up long before JSON.parse does. */
const deeplyNested = (r: Rnd, depth: number) =>
  json(envelope(r, 'call.hangup', hangup(r, { hangup_cause: 'normal_clearing', extra: '@deep@' }))).replace('"@deep@"', `${'['.repeat(depth)}${']'.repeat(depth)}`);

const families: Array<[name: string, weight: number, make: (r: Rnd) => Case]> = [
  ['signature', 10, (r) => {
    const signing = r.pick(['none', 'tampered', 'other-key', 'stale', 'future', 'malformed'] as const);
    return { family: 'signature', what: signing, url: r.pick([VOICE, MESSAGING]), body: json(envelope(r, 'call.hangup', hangup(r))), signing, expected: err(401, 'invalid_signature') };
  }],
  ['bad json', 8, (r) => {
    const whole = json(envelope(r, 'call.hangup', hangup(r)));
    const body = r.pick([whole.slice(0, r.int(0, whole.length - 1)), `${whole}x`, `${whole},`, "{'data': 1}", '{"a":1,}', 'NaN', 'undefined', '\u0000', '{"data":{"id":"\\x"}}']);
    return signed('bad json', body.slice(0, 20), body, err(400, 'malformed_json'), r.pick([VOICE, MESSAGING]));
  }],
  ['binary garbage', 4, (r) => {
    // 0xFF never starts valid UTF-8 (it decodes to U+FFFD), so this is never JSON; signed as the text it decodes to.
    const body = Buffer.from([0xff, ...Array.from({ length: r.int(0, 300) }, () => r.int(0, 255))]);
    return { ...signed('binary garbage', `${body.length} bytes`, '', err(400, 'malformed_json')), body };
  }],
  ['not an envelope', 8, (r) => {
    if (r.next() < 0.3) {
      const [what, value] = r.pick(notEnvelope);
      return signed('not an envelope', what, json(value), err(400, 'invalid_webhook'), r.pick([VOICE, MESSAGING]));
    }
    const [path, field] = r.pick(badEnvelopeFields);
    return signed('not an envelope', `${path.join('.')}=${json(field)?.slice(0, 20)}`, json(withField(envelope(r, 'call.hangup', hangup(r)), path, field)), err(400, 'invalid_webhook'), r.pick([VOICE, MESSAGING]));
  }],
  ['bad hangup payload', 10, (r) => {
    const [field, value] = r.pick(badHangupFields);
    return signed('bad hangup payload', `${field}=${json(value)?.slice(0, 20)}`, json(envelope(r, 'call.hangup', hangup(r, { [field]: value }))), err(400, 'invalid_webhook'));
  }],
  ['tenant number not E.164', 4, (r) => {
    const to = r.pick(notE164);
    return signed('tenant number not E.164', to, json(envelope(r, 'call.hangup', hangup(r, { to }))), err(400, 'invalid_webhook'));
  }],
  ['unknown number', 8, (r) => {
    if (r.next() < 0.3) return signed('unknown number', 'reply', json(envelope(r, 'message.received', received(r, { to: [{ phone_number: r.phone() }] }))), err(404, 'unknown_tenant_number'), MESSAGING);
    const voicemail = r.next() < 0.3 ? { hangup_cause: 'normal_clearing', client_state: b64('voicemail') } : {};
    return signed('unknown number', 'missed call', json(envelope(r, 'call.hangup', hangup(r, { to: r.phone(), ...voicemail }))), err(404, 'unknown_tenant_number'));
  }],
  ['ignored call', 12, (r) => {
    const variants: Array<[string, () => unknown]> = [
      ['other event type', () => envelope(r, r.pick(otherVoiceEvents), r.pick([{}, hangup(r), { to: 42 }]))],
      ['answered call', () => envelope(r, 'call.hangup', hangup(r, { hangup_cause: r.pick(answeredCauses), client_state: r.pick([null, b64('not voicemail')]) }))],
      ['outgoing direction', () => envelope(r, 'call.hangup', hangup(r, { direction: 'outgoing', to: r.pick([TENANT, r.phone(), 'nowhere']) }))],
      ['withheld caller id', () => envelope(r, 'call.hangup', hangup(r, { from: r.pick(withheld) }))],
      ['our own outbound call', () => envelope(r, 'call.hangup', hangup(r, { from: TENANT, to: r.phone() }))],
      ['owner-alert call', () => envelope(r, r.pick(['call.answered', 'call.hangup', 'call.speak.ended']), hangup(r, { client_state: b64({ kind: 'owner-alert', leadId: 'lead-x' }) }))],
      ['callback call', () => envelope(r, r.pick(['call.answered', 'call.hangup']), hangup(r, { client_state: b64({ kind: 'callback', leadId: 'lead-x', attemptId: 'a1' }) }))],
      ['huge unconstrained field', () => envelope(r, 'call.initiated', { ...hangup(r), notes: '∑'.repeat(r.int(1000, 19_000)) })],
      ['deep nesting', () => deeplyNested(r, r.int(100, 20_000))],
      ['prototype keys', () => JSON.parse(`{"__proto__":{"polluted":1},${json(envelope(r, 'call.initiated', JSON.parse('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}'))).slice(1)}`)],
    ];
    const [what, make] = r.pick(variants);
    const made = make();
    return signed('ignored call', what, typeof made === 'string' ? made : json(made), IGNORED);
  }],
  ['ignored message', 6, (r) => {
    const variants: Array<[string, string, () => unknown]> = [
      ['delivery report', MESSAGING, () => envelope(r, r.pick(['message.finalized', 'number_order.complete', 'message.✉']), { id: r.digits(8) })],
      ['receipt we did not tag', MESSAGING, () => envelope(r, 'message.sent', { id: r.digits(8), direction: 'outbound' })],
      ['receipt for an unknown lead', `${MESSAGING}?lead=lead-nobody-${r.digits(6)}&attempt=a${r.digits(3)}`, () => envelope(r, 'message.sent', { id: r.digits(8), direction: 'outbound' })],
      ['reply from a short code', MESSAGING, () => envelope(r, 'message.received', received(r, { from: { phone_number: r.pick(['22395', 'ACME', 'Ω sender']) } }))],
    ];
    const [what, url, make] = r.pick(variants);
    return signed('ignored message', what, json(make()), IGNORED, url);
  }],
  ['bad message payload', 6, (r) => {
    const over = r.pick<Record<string, unknown>>([{ to: [] }, { to: { phone_number: TENANT } }, { from: undefined }, { from: TENANT }, { direction: 'outbound' }, { text: long(10_001) }, { received_at: 'yesterday' }, { id: '' }, { to: [{ phone_number: 'office' }] }]);
    return signed('bad message payload', json(over).slice(0, 30), json(envelope(r, 'message.received', received(r, over))), err(400, 'invalid_webhook'), MESSAGING);
  }],
  ['too large', 3, (r) => {
    const size = BODY_LIMIT_BYTES + r.int(1, r.pick([10, 1000, 300_000]));
    const content = r.pick(['valid', 'garbage'] as const);
    const body = content === 'valid' ? json(envelope(r, 'call.hangup', hangup(r, { pad: '' }))).replace('"pad":""', `"pad":"${'p'.repeat(size)}"`) : 'z'.repeat(size);
    return { family: 'too large', what: `${content} ${body.length} bytes`, url: r.pick([VOICE, MESSAGING]), body, signing: r.pick(['valid', 'none'] as const), expected: err(413, 'payload_too_large') };
  }],
  ['media type', 3, (r) => {
    const contentType = r.pick(['text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x', 'application/vnd.api+json', 'text/json', '']);
    return { ...signed('media type', contentType || '(none)', json(envelope(r, 'call.hangup', hangup(r))), err(415, 'unsupported_media_type')), contentType };
  }],
  ['empty body without a type', 2, (r) => {
    const signing = r.pick(['valid', 'none'] as const);
    return { family: 'empty body without a type', what: signing, url: r.pick([VOICE, MESSAGING]), body: '', contentType: '', signing, expected: signing === 'valid' ? err(400, 'malformed_json') : err(401, 'invalid_signature') };
  }],
  ['no such route', 1, (r) => {
    const url = r.pick(['/webhooks/telnyx', '/webhooks/telnyx/voice/', '/webhooks/telnyx/sms', '/WEBHOOKS/TELNYX/VOICE', '/webhooks/telnyx/voices']);
    return signed('no such route', url, json(envelope(r, 'call.hangup', hangup(r))), err(404, 'not_found'), url);
  }],
];

function generate(count: number): Case[] {
  const r = random(SEED);
  const total = families.reduce((sum, [, weight]) => sum + weight, 0);
  return Array.from({ length: count }, () => {
    let roll = r.next() * total;
    const family = families.find(([, weight]) => (roll -= weight) < 0) ?? families.at(-1)!;
    return family[2](r);
  });
}

let db: TestDatabase;
let sandbox: TelnyxSandbox;
let app: FastifyInstance;
let unwrapCalls = 0;
const otherKey = generateKeyPairSync('ed25519').privateKey;

beforeAll(async () => {
  db = await freshDatabase('ingress_fuzz');
  sandbox = await startTelnyxSandbox({ apiKey: 'KEY_TEST' });
  const webhooks = new TelnyxWebhookVerifier(sandbox.publicKey);
  // Counts signature checks, so a 413 can be shown to come before the body is read at all.
  const unwrap = webhooks.unwrap.bind(webhooks);
  webhooks.unwrap = (...args: Parameters<typeof unwrap>) => ((unwrapCalls += 1), unwrap(...args));
  app = await buildIngress({ store: new PostgresEventStore(db.pool), tenants: new InMemoryTenantDirectory([peakComfort()]), clock: systemClock, webhooks });
});
afterAll(async () => {
  await app?.close();
  await sandbox?.close();
  await db?.close();
});

function headersFor(c: Case, r: Rnd): Record<string, string> {
  const text = Buffer.isBuffer(c.body) ? c.body.toString('utf8') : c.body;
  const now = Math.floor(Date.now() / 1000);
  const base: Record<string, string> = c.contentType === '' ? {} : { 'content-type': c.contentType ?? r.pick(['application/json', 'application/json; charset=utf-8', 'Application/JSON']) };
  switch (c.signing) {
    case 'valid': return { ...base, ...sandbox.sign(text, now - r.int(0, 200)) };
    case 'none': return base;
    case 'tampered': return { ...base, ...sandbox.sign(`${text} `, now) };
    case 'other-key': return { ...base, 'telnyx-signature-ed25519': ed25519Sign(null, Buffer.from(`${now}|${text}`), otherKey).toString('base64'), 'telnyx-timestamp': String(now) };
    case 'stale': return { ...base, ...sandbox.sign(text, now - r.int(330, 1e7)) };
    case 'future': return { ...base, ...sandbox.sign(text, now + r.int(330, 1e7)) };
    case 'malformed': {
      const good = sandbox.sign(text, now);
      return { ...base, ...good, ...r.pick<Record<string, string>>([{ 'telnyx-signature-ed25519': 'not base64!' }, { 'telnyx-signature-ed25519': Buffer.alloc(63, 1).toString('base64') }, { 'telnyx-timestamp': r.pick(['', 'abc', '-1', '1e9', `${now + 1}`]) }]) };
    }
    default: {
      const _exhaustive: never = c.signing;
      return _exhaustive;
    }
  }
}

const eventCount = async () => (await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events')).rows[0]!.n;

it(`answers ${CASES} fuzzed webhooks each as expected, appends nothing and never answers 5xx`, async () => {
  const cases = generate(CASES);
  const r = random(SEED ^ 0xbeef);
  // Grouped by what went wrong, with the first case of each group, so one bug reads as one line.
  const mismatches = new Map<string, { count: number; first: string }>();
  const byFamily = new Map<string, number>();
  let serverErrors = 0;
  for (const [index, c] of cases.entries()) {
    byFamily.set(c.family, (byFamily.get(c.family) ?? 0) + 1);
    const unwrapsBefore = unwrapCalls;
    const response = await app.inject({ method: 'POST', url: c.url, payload: c.body, headers: headersFor(c, r) });
    const answer = response.json() as { status?: string; error?: { code?: string } };
    const got = response.statusCode === 200 ? (answer.status === 'ignored' ? 'ignored' : `200 ${answer.status}`) : `${response.statusCode} ${answer.error?.code}`;
    const want = c.expected.status === 200 ? 'ignored' : `${c.expected.status} ${c.expected.code}`;
    if (response.statusCode >= 500) serverErrors += 1;
    const stored = await eventCount();
    const readTooLarge = c.expected.status === 413 && unwrapCalls !== unwrapsBefore;
    if (got === want && stored === 0 && !readTooLarge) continue;
    const key = `${c.family}: want ${want}, got ${got}${stored ? `, ${stored} events stored` : ''}${readTooLarge ? ', body was read' : ''}`;
    const seen = mismatches.get(key);
    mismatches.set(key, { count: (seen?.count ?? 0) + 1, first: seen?.first ?? `#${index} ${c.what}` });
  }
  const report = [...mismatches].map(([key, { count, first }]) => `${key} — ${count} cases, first ${first}`);
  expect({ serverErrors, mismatches: report }).toEqual({ serverErrors: 0, mismatches: [] });
  for (const [name] of families) expect(byFamily.get(name) ?? 0).toBeGreaterThanOrEqual(50);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}, 120_000);

it('builds its hangups with the fields the sandbox sends', () => {
  // Guards the generator against drifting from what the Telnyx imitation (and so Telnyx) really sends.
  const sandboxHangup = callHangupPayload(newCallLeg('+15125550123', TENANT, '1'), 'timeout');
  expect(Object.keys(hangup(random(3))).sort()).toEqual(Object.keys(sandboxHangup).sort());
});

it('still records a missed call after the storm', async () => {
  const body = json(envelope(random(1), 'call.hangup', hangup(random(2))));
  const response = await app.inject({ method: 'POST', url: VOICE, payload: body, headers: { 'content-type': 'application/json', ...sandbox.sign(body) } });
  expect(response.statusCode).toBe(200);
  expect(response.json()).toMatchObject({ status: 'recorded' });
  expect(await eventCount()).toBe(1);
});
