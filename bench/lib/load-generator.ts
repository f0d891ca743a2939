import { fork } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** One request as it goes on the wire; `path` is appended to the plan's base URL, content-length is set from `body`. */
export type PreparedRequest = { method: string; path: string; headers?: Record<string, string>; body?: string };

export type LoadPlan = {
  /** `http://host:port`, optionally with a path prefix. Only plain HTTP: loads stay on this machine. */
  baseUrl: string;
  /** Send i is `requests[i % requests.length]`: prepare every request up front (bodies, signatures). */
  requests: readonly PreparedRequest[];
  ratePerSecond: number;
  count: number;
  /** Kept-alive connections at most (default 256); beyond that, sends queue and their wait counts as latency. */
  maxConnections?: number;
  /** A send whose connection stays silent this long is given up with status 0 (default 10,000 ms). */
  timeoutMs?: number;
};

export type LoadReport = {
  /** Per send, in send order: from leaving to the answer's last byte. */
  latencyMs: Float64Array;
  /** Per send: the HTTP status, or 0 for no answer (refused, reset, timed out). */
  status: Uint16Array;
  /** Per send: how late it left against its schedule. Latency from the schedule is `lagMs + latencyMs`. */
  lagMs: Float64Array;
  /** Per send: when it left, in ms since the epoch (this machine's clock, which other processes share). */
  sentAtMs: Float64Array;
  /** The first reason a send got no answer, to say why status 0 appears. */
  firstError?: string;
  /** The most sends waiting for an answer at once. */
  peakInFlight: number;
  /** From the first scheduled send to the last answer. */
  spanMs: number;
  /** The generator's own cost (CPU as a share of one core over the span); with `lagMs` it shows whether the generator kept up. */
  generator: { cpuCores: number; peakRssMb: number };
};

/** What the child answers with; anything else means it failed before reporting. */
export type WorkerMessage = { ready: true } | { report: LoadReport } | { error: string };

const WORKER = join(__dirname, 'load-worker.ts');

function refusal(plan: LoadPlan): string | undefined {
  if (!plan.baseUrl.startsWith('http://')) return `only http:// targets, not ${plan.baseUrl}`;
  if (plan.requests.length === 0) return 'no requests to send';
  if (!(plan.ratePerSecond > 0)) return 'ratePerSecond must be above 0';
  if (!Number.isInteger(plan.count) || plan.count < 0) return 'count must be a whole number';
  return undefined;
}

/**
 * Offers `plan` open loop (send i leaves at start + i / rate, whatever became of the earlier ones)
 * from a child process of its own, so the generator's event loop and garbage collector never delay
 * the server it measures, nor the other way round. Resolves when every send has an answer or gave up.
 *
 *     const report = await generateLoad({ baseUrl: 'http://127.0.0.1:3000', ratePerSecond: 1000, count: 30_000,
 *       requests: [{ method: 'POST', path: '/webhooks/voice', headers: { 'content-type': 'application/json' }, body }] });
 *     distribution([...report.latencyMs]); // and report.status[i], report.generator.cpuCores
 */
export async function generateLoad(plan: LoadPlan): Promise<LoadReport> {
  const refused = refusal(plan);
  if (refused) throw new Error(`load generator: ${refused}`);
  // The child is TypeScript: it loads through tsx whatever runs this process (tsx, jest).
  const child = fork(WORKER, [], {
    execArgv: ['--import', pathToFileURL(require.resolve('tsx')).href],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
    };
    child.on('message', (message: WorkerMessage) => {
      if ('ready' in message) child.send(plan);
      else if ('report' in message) settle(() => resolve(message.report));
      else settle(() => reject(new Error(`load generator: ${message.error}`)));
    });
    child.on('error', (error) => settle(() => reject(error)));
    child.on('exit', (code, signal) => settle(() => reject(new Error(`load generator exited (${signal ?? code}) without a report`))));
  });
}
