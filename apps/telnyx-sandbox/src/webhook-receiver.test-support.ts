// A tiny webhook endpoint for specs: records each request's raw body and headers exactly as
// received, and answers with whatever status the spec queues (200 once the queue is empty).
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import Telnyx from 'telnyx';
import { startTelnyxSandbox } from './index';
import type { TelnyxSandbox, TelnyxSandboxOptions } from './types';

export interface ReceivedWebhook {
  path: string;
  rawBody: string;
  headers: Record<string, string>;
  /** Parsed rawBody, for assertions. */
  json: { data: { event_type: string; id: string; payload: Record<string, any> }; meta: { attempt: number; delivered_to: string } };
}

export interface WebhookReceiver {
  url(path?: string): string;
  received: ReceivedWebhook[];
  /** The next answers, in order; afterwards every request gets 200. */
  answerWith(...statuses: number[]): void;
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const queuedStatuses: number[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      received.push({ path: req.url ?? '/', rawBody, headers: flatHeaders(req.headers), json: JSON.parse(rawBody) });
      res.writeHead(queuedStatuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: (path = '/webhooks') => `http://127.0.0.1:${port}${path}`,
    received,
    answerWith: (...statuses) => queuedStatuses.push(...statuses),
    async waitFor(count, timeoutMs = 3000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} webhook(s), got ${received.length}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return received.slice(0, count);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A sandbox whose webhooks go to a receiver of their own, and the official SDK pointed at it. */
export type SandboxWithReceiver = { sandbox: TelnyxSandbox; receiver: WebhookReceiver; client: Telnyx };

export async function startSandboxWithReceiver(options: (receiver: WebhookReceiver) => TelnyxSandboxOptions): Promise<SandboxWithReceiver> {
  const receiver = await startWebhookReceiver();
  const settings = options(receiver);
  const sandbox = await startTelnyxSandbox(settings);
  const client = new Telnyx({ apiKey: settings.apiKey, baseURL: sandbox.baseUrl, publicKey: sandbox.publicKey, maxRetries: 0 });
  return { sandbox, receiver, client };
}

export async function closeSandboxWithReceiver({ sandbox, receiver }: SandboxWithReceiver): Promise<void> {
  await sandbox.close();
  await receiver.close();
}
