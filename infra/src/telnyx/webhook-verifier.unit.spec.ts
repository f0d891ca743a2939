import { generateKeyPairSync, sign } from 'node:crypto';
import Telnyx from 'telnyx';
import { TelnyxWebhookVerifier, WebhookRejected } from './webhook-verifier';

// The verifier stands in for the SDK's `webhooks.unwrap`: over every way a webhook can be wrong
// (and right), both must reach the same verdict.
const NOW = Math.floor(Date.now() / 1000);

function keyPair() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicKey: publicKey.export({ type: 'spki', format: 'der' }).subarray(-32).toString('base64'), privateKey };
}
const ours = keyPair();
const other = keyPair();
const signature = (body: string, timestamp: string, privateKey = ours.privateKey) => sign(null, Buffer.from(`${timestamp}|${body}`), privateKey).toString('base64');

const BODY = JSON.stringify({ data: { event_type: 'call.hangup', id: 'e1', payload: { from: '+15550001111', text: 'héllo ☃' } } });
const ts = (offset: number) => String(NOW + offset);
const good = (body = BODY, timestamp = ts(0)) => ({ 'telnyx-signature-ed25519': signature(body, timestamp), 'telnyx-timestamp': timestamp });

type Case = [what: string, body: string, headers: Record<string, string>];
const cases: Case[] = [
  ['signed as sent', BODY, good()],
  ['headers in any case', BODY, { 'Telnyx-Signature-Ed25519': signature(BODY, ts(0)), 'TELNYX-TIMESTAMP': ts(0) }],
  ['signed, not JSON', 'not json', good('not json')],
  ['signed, empty body', '', good('')],
  ['body changed by one byte', BODY.replace('e1', 'e2'), good()],
  ['signed by another key', BODY, { ...good(), 'telnyx-signature-ed25519': signature(BODY, ts(0), other.privateKey) }],
  ['timestamp changed after signing', BODY, { ...good(), 'telnyx-timestamp': ts(1) }],
  ['no signature', BODY, { 'telnyx-timestamp': ts(0) }],
  ['no timestamp', BODY, { 'telnyx-signature-ed25519': signature(BODY, ts(0)) }],
  ['no headers', BODY, {}],
  ['empty signature', BODY, { ...good(), 'telnyx-signature-ed25519': '' }],
  ['signature not base64', BODY, { ...good(), 'telnyx-signature-ed25519': '!'.repeat(88) }],
  ['signature unpadded', BODY, { ...good(), 'telnyx-signature-ed25519': signature(BODY, ts(0)).replace(/=+$/, '') }],
  ['signature too short', BODY, { ...good(), 'telnyx-signature-ed25519': Buffer.alloc(32, 1).toString('base64') }],
  ['signature too long', BODY, { ...good(), 'telnyx-signature-ed25519': Buffer.alloc(65, 1).toString('base64') }],
  ['signature of zeros', BODY, { ...good(), 'telnyx-signature-ed25519': Buffer.alloc(64).toString('base64') }],
  ['timestamp 299 s old', BODY, good(BODY, ts(-299))],
  ['timestamp 320 s old', BODY, good(BODY, ts(-320))],
  ['timestamp 299 s ahead', BODY, good(BODY, ts(299))],
  ['timestamp 320 s ahead', BODY, good(BODY, ts(320))],
  ['timestamp in milliseconds', BODY, good(BODY, String(Date.now()))],
  ['timestamp negative', BODY, good(BODY, `-${NOW}`)],
  ['timestamp with a fraction', BODY, good(BODY, `${NOW}.5`)],
  ['timestamp with spaces', BODY, good(BODY, ` ${NOW}`)],
  ['timestamp huge', BODY, good(BODY, '9'.repeat(30))],
  ['timestamp leading zeros', BODY, good(BODY, `000${NOW}`)],
];

const sdk = new Telnyx({ apiKey: 'verify-only', publicKey: ours.publicKey });
const verifier = new TelnyxWebhookVerifier(ours.publicKey);
const verdict = (attempt: Promise<unknown>) =>
  attempt.then(
    (json): { accepted: boolean; json?: unknown; notJson?: boolean } => ({ accepted: true, json }),
    (error: Error) => ({ accepted: false, notJson: error instanceof SyntaxError }),
  );

describe('TelnyxWebhookVerifier against the SDK', () => {
  it.each(cases)('%s: same verdict', async (_what, body, headers) => {
    const expected = await verdict(sdk.webhooks.unwrap(body, { headers }));
    expect(await verdict(verifier.unwrap(body, headers))).toEqual(expected);
  });

  it('accepts exactly the well-signed, timely webhooks (so "same verdict" is not two that accept everything)', async () => {
    const verdicts = await Promise.all(cases.map(async ([what, body, headers]) => [what, await verdict(verifier.unwrap(body, headers))] as const));
    const accepted = verdicts.filter(([, v]) => v.accepted).map(([what]) => what);
    expect(accepted).toEqual(['signed as sent', 'headers in any case', 'timestamp 299 s old', 'timestamp 299 s ahead', 'timestamp leading zeros']);
    expect(verdicts.filter(([, v]) => !v.accepted && v.notJson).map(([what]) => what)).toEqual(['signed, not JSON', 'signed, empty body']);
  });

  it('says why it refused', async () => {
    await expect(verifier.unwrap(BODY, { ...good(), 'telnyx-timestamp': ts(-301) })).rejects.toThrow(new WebhookRejected(`timestamp too old or too new: ${ts(-301)}`));
    await expect(verifier.unwrap(BODY.replace('e1', 'e2'), good())).rejects.toThrow('signature does not match the body');
  });

  it('checks the timestamp against its own clock', async () => {
    const anHourAgo = NOW - 3600;
    const headers = good(BODY, String(anHourAgo));
    await expect(new TelnyxWebhookVerifier(ours.publicKey, () => anHourAgo + 10).unwrap(BODY, headers)).resolves.toEqual(JSON.parse(BODY));
    await expect(verifier.unwrap(BODY, headers)).rejects.toThrow(WebhookRejected);
  });

  it('refuses a public key that is not 32 bytes of base64, as the SDK does', () => {
    for (const key of ['', 'not base64!', Buffer.alloc(31).toString('base64'), ours.publicKey.replace(/=$/, '')]) {
      expect(() => new TelnyxWebhookVerifier(key)).toThrow(WebhookRejected);
    }
  });
});
