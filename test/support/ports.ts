import { createServer } from 'node:net';

const isFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer().once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/**
 * A port nobody listens on now, with the next one free too (Kafka's controller takes port + 1).
 * Below 32768: Linux hands out outgoing connections' ports from 32768 up, and one of those could take
 * a port between this check and the bind of the process it is meant for.
 */
export async function freePortPair(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 6_000) * 2;
    if ((await isFree(port)) && (await isFree(port + 1))) return port;
  }
}

/** Resolves once `url` answers at all (any status); says what failed if nothing does in time. */
export async function waitUntilAnswering(url: string, timeoutMs = 60_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; ; await new Promise((r) => setTimeout(r, 200))) {
    try {
      await fetch(url);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`nothing answered at ${url}: ${String(error)}`);
    }
  }
}
