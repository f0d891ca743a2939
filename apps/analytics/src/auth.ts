import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import { type KeyHolder, keyHolder } from './api-keys';
import { AnalyticsError } from './errors';

declare module 'fastify' {
  interface FastifyRequest {
    /** The tenant whose API key made the request; every query is scoped to it. */
    tenant: KeyHolder;
  }
}

const BEARER = /^Bearer\s+(\S+)$/i;

/** Every route in `scope` needs `Authorization: Bearer <key>`; the key decides the tenant. */
export function requireApiKey(scope: FastifyInstance, pool: Pool): void {
  scope.decorateRequest('tenant', null as unknown as KeyHolder);
  scope.addHook('onRequest', async (request: FastifyRequest) => {
    const key = BEARER.exec(request.headers.authorization ?? '')?.[1];
    if (!key) throw new AnalyticsError('unauthorized', 'send your API key as "Authorization: Bearer <key>"');
    const holder = await keyHolder(pool, key);
    if (!holder) throw new AnalyticsError('unauthorized', 'unknown API key');
    request.tenant = holder;
  });
}
