import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateLoad } from './load-generator';

type Received = { method: string; url: string; contentType: string | undefined; body: string };

/** A server that answers 201 to POST and 200 to anything else, and keeps what it was sent. */
async function recordingServer(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      received.push({ method: request.method!, url: request.url!, contentType: request.headers['content-type'], body });
      response.writeHead(request.method === 'POST' ? 201 : 200).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/prefix`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('generateLoad', () => {
  it('sends the prepared requests in turn, at the rate, and reports each one', async () => {
    const server = await recordingServer();
    const body = JSON.stringify({ note: 'é'.repeat(500) });
    const requests = [
      { method: 'POST', path: '/hooks?n=1', headers: { 'content-type': 'application/json' }, body },
      { method: 'GET', path: '/health' },
    ];
    try {
      const report = await generateLoad({ baseUrl: server.url, requests, ratePerSecond: 200, count: 20 });
      expect([...report.status]).toEqual(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 201 : 200)));
      expect(report.latencyMs.every((ms) => ms > 0)).toBe(true);
      expect(report.lagMs).toHaveLength(20);
      // 20 sends at 200/s are spread over about 95 ms, not fired at once.
      expect(report.spanMs).toBeGreaterThanOrEqual(90);
      expect(report.generator.peakRssMb).toBeGreaterThan(0);
      expect(server.received.filter((r) => r.method === 'POST')).toHaveLength(10);
      expect(server.received).toContainEqual({ method: 'POST', url: '/prefix/hooks?n=1', contentType: 'application/json', body });
      expect(server.received).toContainEqual({ method: 'GET', url: '/prefix/health', contentType: undefined, body: '' });
    } finally {
      await server.close();
    }
  });

  it('reports a send that got no answer as status 0, with the reason', async () => {
    const server = await recordingServer();
    await server.close();
    const report = await generateLoad({ baseUrl: server.url, requests: [{ method: 'GET', path: '/' }], ratePerSecond: 100, count: 3 });
    expect([...report.status]).toEqual([0, 0, 0]);
    expect(report.firstError).toMatch(/ECONNREFUSED/);
  });

  it('refuses a target it cannot reach over plain HTTP', async () => {
    await expect(generateLoad({ baseUrl: 'https://127.0.0.1:1', requests: [{ method: 'GET', path: '/' }], ratePerSecond: 1, count: 1 })).rejects.toThrow(/only http/);
  });
});
