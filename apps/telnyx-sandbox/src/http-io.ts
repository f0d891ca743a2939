import http, { type ServerResponse } from 'node:http';
import https from 'node:https';
import { sendJson as sendWithKit } from '@naxio/sandbox-kit';

export { parseJsonObject, pause, readBody } from '@naxio/sandbox-kit';

/**
 * JSON as Telnyx writes it: every object's keys in alphabetical order (as in captured webhooks),
 * no whitespace. Signatures cover these exact bytes, so build the string once and reuse it.
 */
export function telnyxJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
    const source = inner as Record<string, unknown>;
    return Object.fromEntries(Object.keys(source).sort().map((key) => [key, source[key]]));
  });
}




export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendWithKit(res, status, body, {}, telnyxJson);
}

/**
 * POSTs `body` and resolves with the answer's status, or 0 when the receiver is unreachable, too
 * slow or the sandbox is closing. Never rejects: a failed webhook is an outcome, not an error.
 * A fresh connection per request (agent: false) so nothing lingers after close().
 */
export function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  opts: { timeoutMs: number; signal: AbortSignal },
): Promise<number> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      resolve(0);
      return;
    }
    const transport = target.protocol === 'https:' ? https : http;
    const req = transport.request(
      target,
      {
        method: 'POST',
        agent: false,
        signal: opts.signal,
        timeout: opts.timeoutMs,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume(); // the answer's body is not used; drain it so the socket closes
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('timeout', () => req.destroy(new Error('webhook receiver too slow')));
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

/** setTimeout as a promise that ends early (without rejecting) when the signal aborts. */
