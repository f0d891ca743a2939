import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const MAX_BODY_BYTES = 1_000_000;

/** The request body as text; a body past the limit ends the request rather than filling memory. */
export function readBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) req.destroy(new Error('request body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A JSON object body ({} for an empty body), or undefined when the text is not one. */
export function parseJsonObject(raw: string): Record<string, unknown> | undefined {
  if (raw.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Answers with a JSON body, serialized the way the imitated vendor writes it. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  serialize: (value: unknown) => string = JSON.stringify,
): void {
  const text = serialize(body);
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** setTimeout as a promise that ends early (without rejecting) when the signal aborts. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * The body of every sandbox's main.ts: start it, print its settings as KEY=value lines on stdout (so
 * a demo script can `eval` or source them) and a line on stderr, and close it on SIGINT/SIGTERM.
 */
export function runSandboxProcess<S extends { close(): Promise<void> }>(start: () => Promise<S>, announce: (sandbox: S) => { settings: Record<string, string>; listening: string }): void {
  start()
    .then((sandbox) => {
      const { settings, listening } = announce(sandbox);
      for (const [key, value] of Object.entries(settings)) console.log(`${key}=${value}`);
      console.error(listening);
      const stop = () => void sandbox.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}

/** Listens (an ephemeral port by default, on loopback) and resolves with the origin, `http://host:port`. */
export async function listenOn(server: Server, port = 0, host = '127.0.0.1'): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
}
