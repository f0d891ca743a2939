import { eventsAppended } from './metrics';
import { sampleValue } from './scrape.test-support';
import { serveMetrics, serveMetricsFromEnv } from './metrics-server';

// The tiny HTTP server the consumer processes expose on METRICS_PORT.
it('serves this process’s metrics at /metrics and nothing else', async () => {
  eventsAppended.inc({ type: 'ServedOverHttp' }, 3);
  const server = await serveMetrics(0, '127.0.0.1');
  try {
    const response = await fetch(server.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(sampleValue(text, 'naxio_events_appended_total', { type: 'ServedOverHttp' })).toBe(3);
    expect(text).toMatch(/^naxio_process_cpu_seconds_total /m);
    expect((await fetch(server.url.replace('/metrics', '/other'))).status).toBe(404);
  } finally {
    await server.close();
  }
});

it('serves on METRICS_PORT only when it is set, and refuses one that is not a port', async () => {
  await expect(serveMetricsFromEnv({})).resolves.toBeUndefined();
  await expect(serveMetricsFromEnv({ METRICS_PORT: 'nine' })).rejects.toThrow(/METRICS_PORT/);
  const server = await serveMetricsFromEnv({ METRICS_PORT: '0' });
  expect(server?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
  await server?.close();
});
