// Wires the sandbox together and listens. Only this file knows about the HTTP server's lifetime.
import { listenOn } from '@naxio/sandbox-kit';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { CostBucket, DEFAULT_COST_BUCKET } from './cost-bucket';
import { handleGraphqlRequest, type InjectedFailure } from './graphql-endpoint';
import { sendJson } from './http-io';
import { handleTokenRequest, TokenAuthority } from './oauth';
import { toAddress } from './resolvers/client-mutations';
import { rootResolvers } from './resolvers';
import { JobberStore } from './store';
import type { JobberSandbox, JobberSandboxOptions, SandboxRequest } from './types';

const GRAPHQL_PATH = '/api/graphql';
const TOKEN_PATH = '/api/oauth/token';
const HOUR_MS = 60 * 60 * 1000;

export async function startJobberSandbox(opts: JobberSandboxOptions): Promise<JobberSandbox> {
  if (!opts.clientId || !opts.clientSecret) throw new Error('startJobberSandbox needs a clientId and a clientSecret');
  const timeZone = opts.timeZone ?? 'UTC';
  const store = new JobberStore();
  const authority = new TokenAuthority(opts.accessTokenTtlMs ?? HOUR_MS);
  const bucket = new CostBucket({ ...DEFAULT_COST_BUCKET, ...opts.costBucket });
  const failures: InjectedFailure[] = [];
  const requests: SandboxRequest[] = [];
  const resolvers = rootResolvers(store, timeZone);

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://sandbox').pathname;
    if (path === GRAPHQL_PATH && req.method === 'POST') {
      const { status, operations, throttled } = await handleGraphqlRequest(req, res, {
        authority,
        bucket,
        resolvers,
        takeInjectedFailure: () => failures.shift(),
      });
      requests.push({ endpoint: 'graphql', status, operations, throttled: throttled === true, at: Date.now() });
    } else if (path === TOKEN_PATH) {
      const { status, grantType } = await handleTokenRequest(req, res, { authority, clientId: opts.clientId, clientSecret: opts.clientSecret });
      requests.push({ endpoint: 'token', status, operations: [grantType], throttled: false, at: Date.now() });
    } else {
      sendJson(res, 404, { error: 'not_found' });
    }
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (res.headersSent) res.destroy();
      else sendJson(res, 500, { errors: [{ message: `sandbox crashed: ${String(error)}` }] });
    });
  });
  const origin = await listenOn(server, opts.port, opts.host);

  return {
    baseUrl: origin,
    tokenUrl: `${origin}${TOKEN_PATH}`,
    graphqlUrl: `${origin}${GRAPHQL_PATH}`,
    clients: () => store.clients(),
    properties: () => store.properties(),
    jobs: () => store.jobs(),
    seedClient(client) {
      const stored = store.addClient(
        { firstName: client.firstName, lastName: client.lastName, companyName: null },
        [{ number: client.phone, description: 'MAIN', primary: true, smsAllowed: true }],
      );
      const property = client.address ? store.addProperty(stored.id, null, toAddress(client.address)) : null;
      return { clientId: stored.id, propertyId: property?.id ?? null };
    },
    issueTokens: () => authority.issue(),
    expireAccessTokens: () => authority.expireAccessTokens(),
    revokeTokens: () => authority.revokeAll(),
    failNext(count, status, failOpts) {
      for (let i = 0; i < count; i += 1) failures.push({ status, ...failOpts });
    },
    drainCostBucket: () => bucket.drain(),
    requests: () => requests.map((request) => ({ ...request, operations: [...request.operations] })),
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
