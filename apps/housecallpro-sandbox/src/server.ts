// Wires the sandbox together and listens. Only this file knows about the HTTP server's lifetime.
import { listenOn } from '@naxio/sandbox-kit';
import http from 'node:http';
import { sendJson } from './http-io';
import { handleApiRequest, type InjectedFailure } from './routes';
import { HcpStore } from './store';
import { buildCustomer } from './records';
import type { HousecallProSandbox, HousecallProSandboxOptions, SandboxRequest } from './types';

const DEFAULT_RETRY_AFTER_SECONDS = 1;

export async function startHousecallProSandbox(opts: HousecallProSandboxOptions): Promise<HousecallProSandbox> {
  if (!opts.apiKey) throw new Error('startHousecallProSandbox needs an apiKey');
  const store = new HcpStore();
  const failures: InjectedFailure[] = [];
  const requests: SandboxRequest[] = [];

  const server = http.createServer((req, res) => {
    handleApiRequest(req, res, { store, apiKey: opts.apiKey, takeInjectedFailure: () => failures.shift() })
      .then((status) => {
        requests.push({ method: req.method ?? 'GET', path: new URL(req.url ?? '/', 'http://sandbox').pathname, status, at: Date.now() });
      })
      .catch((error: unknown) => {
        if (res.headersSent) res.destroy();
        else sendJson(res, 500, { error: 'Internal Server Error', message: `sandbox crashed: ${String(error)}` });
      });
  });
  const origin = await listenOn(server, opts.port, opts.host);

  return {
    baseUrl: origin,
    customers: () => store.customers(),
    jobs: () => store.jobs(),
    seedCustomer: (customer) => store.saveCustomer(buildCustomer({ ...customer }, new Date().toISOString())),
    failNext(count, status, failOpts) {
      const retryAfterSeconds = failOpts?.retryAfterSeconds ?? (status === 429 ? DEFAULT_RETRY_AFTER_SECONDS : undefined);
      for (let i = 0; i < count; i += 1) failures.push({ status, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) });
    },
    requests: () => requests.map((request) => ({ ...request })),
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
