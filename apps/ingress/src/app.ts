import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { httpLogger, METRICS_CONTENT_TYPE, metricsText, traceRequest } from '@naxio/infra';
import type { IngressDeps } from './deps';
import { errorBody, fromFastifyError, IngressError } from './errors';
import { messagingRoute } from './webhooks/messaging-route';
import { voiceRoute } from './webhooks/voice-route';

/** Telnyx webhooks are a few KB; anything far larger is refused before it is read. */
export const BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Connections the kernel may hold for us while the event loop is busy. Node's default of 511 is
 * short of a storm's burst: past it Linux drops the handshake and the sender sees a reset, not a
 * slow answer. (The kernel caps it at net.core.somaxconn.)
 */
export const LISTEN_BACKLOG = 4096;

export type BuildOptions = IngressDeps & { logger?: boolean };

/** Builds the app without listening, so tests drive it with `inject`. */
export async function buildIngress(options: BuildOptions): Promise<FastifyInstance> {
  // Errors always reach the redacting logger; `logger` turns on the per-request lines too.
  const app = Fastify({ loggerInstance: httpLogger(options.logger ?? false) as FastifyBaseLogger, bodyLimit: BODY_LIMIT_BYTES });
  // The trace starts at the webhook (or continues the caller's traceparent) and follows the events it records.
  app.addHook('onRequest', (request, _reply, done) => traceRequest(request.headers, done));

  // Signatures cover the exact bytes Telnyx sent, so the body stays a Buffer until verified.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.setErrorHandler((error, request, reply) => {
    const known = error instanceof IngressError ? error : fromFastifyError(error as { code?: string; message: string });
    if (known.code === 'internal') request.log.error({ err: error }, 'webhook failed');
    // Telnyx retries a 5xx; a 4xx tells the sender the request itself is wrong.
    return reply.status(known.status).send(errorBody(known.code, known.message));
  });
  app.setNotFoundHandler((_request, reply) => reply.status(404).send({ error: { code: 'not_found', message: 'no such route' } }));

  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/metrics', async (_request, reply) => reply.type(METRICS_CONTENT_TYPE).send(await metricsText()));
  voiceRoute(app, options);
  messagingRoute(app, options);
  await app.ready();
  return app;
}
