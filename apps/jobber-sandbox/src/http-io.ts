import type { ServerResponse } from 'node:http';
import { parseJsonObject } from '@naxio/sandbox-kit';

export { parseJsonObject, readBody, sendJson } from '@naxio/sandbox-kit';

/** OAuth token requests arrive form-encoded (RFC 6749) or, from some clients, as JSON. */
export function parseFormOrJson(raw: string, contentType: string | undefined): Record<string, string> {
  if (contentType?.includes('application/json')) {
    const body = parseJsonObject(raw) ?? {};
    return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, String(value)]));
  }
  return Object.fromEntries(new URLSearchParams(raw));
}

export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    ...headers,
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
