import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * One registry per process, scraped at /metrics. Every series is named `naxio_*`; labels stay few
 * and bounded (event types, consumer groups, partitions, vendors), never ids or numbers.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'naxio_' });

export const METRICS_CONTENT_TYPE = metricsRegistry.contentType;

export function metricsText(): Promise<string> {
  return metricsRegistry.metrics();
}

export const eventsAppended = new Counter({
  name: 'naxio_events_appended_total',
  help: 'Events appended to lead streams, by event type.',
  labelNames: ['type'] as const,
  registers: [metricsRegistry],
});

export const eventsHandled = new Counter({
  name: 'naxio_events_handled_total',
  help: 'Kafka events handed to a consumer group handler, by outcome (handled, failed: retried in place).',
  labelNames: ['group', 'type', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const consumerLag = new Gauge({
  name: 'naxio_consumer_lag',
  help: 'Messages a consumer group has still to handle on a partition (high watermark minus its position).',
  labelNames: ['group', 'partition'] as const,
  registers: [metricsRegistry],
});

export const textBackLatency = new Histogram({
  name: 'naxio_text_back_latency_seconds',
  help: 'From a missed call being recorded to its opening text being confirmed sent.',
  // The promise is "within seconds": the buckets are dense there and stop at a few minutes.
  buckets: [0.25, 0.5, 1, 2, 3, 5, 10, 20, 30, 60, 120, 300],
  registers: [metricsRegistry],
});

export const vendorRequests = new Counter({
  name: 'naxio_vendor_requests_total',
  help: 'Requests to vendor APIs, by outcome (ok, timeout, connection, throttled, client_error, server_error, error).',
  labelNames: ['vendor', 'operation', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const vendorRequestSeconds = new Histogram({
  name: 'naxio_vendor_request_seconds',
  help: 'Time vendor API requests took, failures included.',
  labelNames: ['vendor', 'operation'] as const,
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15],
  registers: [metricsRegistry],
});
