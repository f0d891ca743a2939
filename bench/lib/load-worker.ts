import http from 'node:http';
import type { LoadPlan, LoadReport, WorkerMessage } from './load-generator';
import { openLoop } from './open-loop';
import { cpuMeter, peakRssMb } from './process-figures';

// The child side of generateLoad (load-generator.ts): takes one plan over IPC, offers it, answers
// with the report and exits. It runs nothing else, so its timers fire on time.

type Wire = { options: http.RequestOptions; body: Buffer | undefined };
type Answer = { status: number; error?: string };

/** Options and bodies built once: per-send string and buffer work is most of a generator's CPU. */
function toWire(plan: LoadPlan, agent: http.Agent): Wire[] {
  const base = new URL(plan.baseUrl);
  const prefix = base.pathname.replace(/\/$/, '');
  return plan.requests.map((request) => {
    const body = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8');
    const headers = body ? { ...request.headers, 'content-length': String(body.length) } : { ...request.headers };
    return { options: { agent, host: base.hostname, port: base.port, method: request.method, path: prefix + request.path, headers }, body };
  });
}

/** Settles once the whole answer is in, or with status 0 when the connection fails or stays silent for `timeoutMs`. */
function send(wire: Wire, timeoutMs: number): Promise<Answer> {
  return new Promise((resolve) => {
    const request = http.request(wire.options, (response) => {
      response.on('end', () => resolve({ status: response.statusCode ?? 0 }));
      response.on('close', () => resolve({ status: 0, error: 'answer cut off' }));
      response.resume();
    });
    request.setTimeout(timeoutMs, () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', (error) => resolve({ status: 0, error: error.message }));
    request.end(wire.body);
  });
}

async function offer(plan: LoadPlan): Promise<LoadReport> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: plan.maxConnections ?? 256 });
  const wires = toWire(plan, agent);
  const timeoutMs = plan.timeoutMs ?? 10_000;
  const latencyMs = new Float64Array(plan.count);
  const status = new Uint16Array(plan.count);
  const sentAtMs = new Float64Array(plan.count);
  let firstError: string | undefined;
  const cpu = cpuMeter();
  const run = await openLoop(plan.count, plan.ratePerSecond, async (i) => {
    const began = performance.now();
    sentAtMs[i] = performance.timeOrigin + began;
    const answer = await send(wires[i % wires.length]!, timeoutMs);
    latencyMs[i] = performance.now() - began;
    status[i] = answer.status;
    firstError ??= answer.error;
  });
  const { cpuCores, wallMs } = cpu.stop();
  agent.destroy();
  const generator = { cpuCores, peakRssMb: peakRssMb() };
  return { latencyMs, status, lagMs: Float64Array.from(run.lagMs), sentAtMs, firstError, peakInFlight: run.peakInFlight, spanMs: wallMs, generator };
}

function reply(message: WorkerMessage): void {
  process.send!(message, () => process.exit(0));
}

if (!process.send) throw new Error('load-worker runs only as the child of generateLoad (bench/lib/load-generator.ts)');
// Nobody is left to read the figures once the parent has gone.
process.on('disconnect', () => process.exit(1));
process.once('message', (plan: LoadPlan) => {
  offer(plan).then(
    (report) => reply({ report }),
    (error: unknown) => reply({ error: error instanceof Error ? error.message : String(error) }),
  );
});
process.send({ ready: true } satisfies WorkerMessage);
