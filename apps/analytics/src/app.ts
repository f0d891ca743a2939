import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { DomainRuleViolated } from '@naxio/domain';
import { requireApiKey } from './auth';
import type { AnalyticsDeps } from './deps';
import { AnalyticsError, errorBody, fromFastifyError } from './errors';
import { collectRoutes } from './openapi';
import { dashboardRoutes } from './routes/dashboard';
import { docsRoutes } from './routes/docs';
import { figureRoutes } from './routes/figures';
import { leadHistoryRoutes } from './routes/lead-history';
import { leadRoutes } from './routes/leads';

export const BODY_LIMIT_BYTES = 16 * 1024;

export type BuildOptions = AnalyticsDeps & { logger?: boolean };

function toCatalogue(error: unknown): AnalyticsError {
  if (error instanceof AnalyticsError) return error;
  if (error instanceof DomainRuleViolated) return new AnalyticsError('conflict', error.message);
  return fromFastifyError(error as FastifyError);
}

/** Builds the app without listening, so tests drive it with `inject`. */
export async function buildAnalytics(options: BuildOptions): Promise<FastifyInstance> {
  // Unknown query parameters are refused (a misspelt filter must not silently widen the answer).
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: BODY_LIMIT_BYTES, ajv: { customOptions: { removeAdditional: false } } });
  const routes = collectRoutes(app);

  app.setErrorHandler((error, request, reply) => {
    const known = toCatalogue(error);
    if (known.code === 'internal') request.log.error({ err: error }, 'analytics request failed');
    return reply.status(known.status).send(errorBody(known.code, known.message));
  });
  app.setNotFoundHandler((_request, reply) => reply.status(404).send(errorBody('not_found', 'no such route')));

  app.get('/health', { schema: { response: { 200: { type: 'object', properties: { status: { type: 'string' } } } } } }, async () => ({ status: 'ok' }));
  await app.register(
    async (v1) => {
      requireApiKey(v1, options.pool);
      figureRoutes(v1, options);
      leadRoutes(v1, options);
      leadHistoryRoutes(v1, options);
    },
    { prefix: '/v1' },
  );
  docsRoutes(app, routes);
  dashboardRoutes(app);
  await app.ready();
  return app;
}
