import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { PerformanceObserver } from 'node:perf_hooks';
import type { Pool } from 'pg';
import { cpuMeter, cpuPressureMeter, eventLoopDelayMeter } from '../lib/process-figures';
import { type Distribution, distribution } from '../lib/stats';

type Span = { began: number; ms: number };

/** Spans over `thresholdMs` that overlap any of `pauses`. */
const overlapping = (spans: Span[], pauses: Span[], thresholdMs: number) =>
  spans.filter((s) => s.ms > thresholdMs && pauses.some((p) => p.began < s.began + s.ms && p.began + p.ms > s.began)).length;

export type ServerFigures = {
  /** From the request reaching the server to the last byte of its answer, per path. */
  serverMsByPath: Map<string, Distribution>;
  serverMs: Distribution;
  /** Every pool.query, from the call (so including a wait for a connection) to its rows. */
  queryMs: Distribution;
  queriesThatWaitedForConnection: number;
  gc: { pauses: number; totalMs: number; maxMs: number; slowRequestsDuringGc: number; slowRequests: number };
  /** monitorEventLoopDelay on a 10 ms timer: an idle loop reads 10. */
  loopDelay: { p50Ms: number; p99Ms: number; maxMs: number };
  /** The server process's CPU over the run, as a share of one core. */
  cpuCores: number;
  /** The share of the run in which some task on the machine waited for a core (other work included). */
  machineCpuPressure: number | undefined;
};

/**
 * What the server's process saw while the load ran, to say where a slow answer spent its time:
 * its own handling per request, the pool's queries and waits, garbage-collection pauses (and how
 * many slow requests one overlapped), and how late its event loop ran.
 */
export function probeServer(server: Server, pool: Pool, slowMs: number) {
  const requests = new Map<string, Span[]>();
  const onRequest = (request: IncomingMessage, response: ServerResponse) => {
    const began = performance.now();
    const path = request.url ?? '';
    const spans = requests.get(path) ?? [];
    requests.set(path, spans);
    response.once('finish', () => spans.push({ began, ms: performance.now() - began }));
  };
  server.prependListener('request', onRequest);

  const queryMs: number[] = [];
  let waited = 0;
  const query = pool.query;
  pool.query = function timed(this: Pool, ...args: unknown[]) {
    const began = performance.now();
    if (pool.idleCount === 0 && pool.totalCount >= (pool.options.max ?? 10)) waited += 1;
    const result = (query as (...a: unknown[]) => Promise<unknown>).apply(this, args);
    void result.then(() => queryMs.push(performance.now() - began), () => undefined);
    return result;
  } as Pool['query'];

  const pauses: Span[] = [];
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push({ began: entry.startTime, ms: entry.duration });
  });
  gc.observe({ entryTypes: ['gc'] });
  const loop = eventLoopDelayMeter();
  const cpu = cpuMeter();
  const pressure = cpuPressureMeter();

  return {
    stop(): ServerFigures {
      server.removeListener('request', onRequest);
      pool.query = query;
      gc.disconnect();
      const all = [...requests.values()].flat();
      const serverMsByPath = new Map([...requests].map(([path, spans]) => [path, distribution(spans.map((s) => s.ms), 2)]));
      return {
        serverMsByPath,
        serverMs: distribution(all.map((s) => s.ms), 2),
        queryMs: distribution(queryMs, 2),
        queriesThatWaitedForConnection: waited,
        gc: {
          pauses: pauses.length,
          totalMs: Math.round(pauses.reduce((sum, p) => sum + p.ms, 0)),
          maxMs: distribution(pauses.map((p) => p.ms), 2).max,
          slowRequestsDuringGc: overlapping(all, pauses, slowMs),
          slowRequests: all.filter((s) => s.ms > slowMs).length,
        },
        loopDelay: loop.stop(),
        cpuCores: cpu.stop().cpuCores,
        machineCpuPressure: pressure.stop(),
      };
    },
  };
}
