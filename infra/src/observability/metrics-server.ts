import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { METRICS_CONTENT_TYPE, metricsText } from './metrics';

export type MetricsServer = { url: string; close(): Promise<void> };

/** GET /metrics for processes that serve no HTTP of their own (the consumer groups). */
export async function serveMetrics(port: number, host = '0.0.0.0'): Promise<MetricsServer> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    metricsText().then(
      (text) => response.writeHead(200, { 'content-type': METRICS_CONTENT_TYPE }).end(text),
      (error: unknown) => response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error)),
    );
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${bound}/metrics`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // A scraper keeps its connection alive; a stopping process should not wait for it.
        server.closeAllConnections();
      }),
  };
}

/** Serves metrics on METRICS_PORT when it is set; nothing otherwise. */
export function serveMetricsFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<MetricsServer | undefined> {
  const port = env.METRICS_PORT ? Number(env.METRICS_PORT) : undefined;
  if (port === undefined) return Promise.resolve(undefined);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return Promise.reject(new Error(`METRICS_PORT is not a port: ${env.METRICS_PORT}`));
  return serveMetrics(port);
}
