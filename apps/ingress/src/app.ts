import Fastify, { type FastifyInstance } from 'fastify';
import type { IngressDeps } from './deps';
import { errorBody, fromFastifyError, IngressError } from './errors';
import { messagingRoute } from './webhooks/messaging-route';
import { voiceRoute } from './webhooks/voice-route';

/** Telnyx webhooks are a few KB; anything far larger is refused before it is read. */
export const BODY_LIMIT_BYTES = 64 * 1024;

export type BuildOptions = IngressDeps & { logger?: boolean };

/** Builds the app without listening, so tests drive it with `inject`. */
export async function buildIngress(options: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: BODY_LIMIT_BYTES });

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
  voiceRoute(app, options);
  messagingRoute(app, options);
  await app.ready();
  return app;
}
