// Wires the sandbox together and listens. Only this file knows about the HTTP server's lifetime.
import { listenOn } from '@naxio/sandbox-kit';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { anthropicErrors, type AnthropicErrorResponse } from './anthropic-errors';
import { BodyTooLarge, headersOf, parseJson, readBody } from './http-io';
import { imitateNaxioClaude } from './lead-imitation';
import { builtInAnswer } from './message-body';
import { respond, sendError } from './respond';
import type { AnthropicSandbox, AnthropicSandboxOptions, RecordedRequest, ScriptedAnswer } from './types';
import { validateMessagesRequest } from './validate-request';

const MESSAGES_PATH = '/v1/messages';
const VERSION_FORMAT = /^\d{4}-\d{2}-\d{2}$/;

export async function startAnthropicSandbox(opts: AnthropicSandboxOptions): Promise<AnthropicSandbox> {
  if (!opts.apiKey) throw new Error('startAnthropicSandbox needs an apiKey');
  const recorded: RecordedRequest[] = [];
  const answers: ScriptedAnswer[] = [];
  const closing = new AbortController();
  const inFlight = new Set<Promise<void>>();
  const responder = opts.defaultResponder ?? imitateNaxioClaude;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    if (url.pathname !== MESSAGES_PATH || req.method !== 'POST') return sendError(res, anthropicErrors.notFound());
    const headers = headersOf(req);
    let raw: string;
    try {
      raw = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLarge) return sendError(res, anthropicErrors.tooLarge());
      throw error;
    }
    const parsed = parseJson(raw);
    recorded.push({ headers, body: parsed.ok ? parsed.value : raw, receivedAt: new Date() });

    const refused = authFailure(headers, opts.apiKey);
    if (refused) return sendError(res, refused);
    const version = headers['anthropic-version'];
    if (version === undefined) return sendError(res, anthropicErrors.invalidRequest('anthropic-version: header is required'));
    if (!VERSION_FORMAT.test(version)) return sendError(res, anthropicErrors.invalidRequest(`anthropic-version: invalid version "${version}"`));
    if (!parsed.ok) return sendError(res, anthropicErrors.invalidRequest('There was an issue with the format of your request: the body is not valid JSON'));
    const validation = validateMessagesRequest(parsed.value, { version, beta: url.searchParams.get('beta') === 'true' });
    if (!validation.ok) return sendError(res, anthropicErrors.invalidRequest(validation.message));

    const request = validation.request;
    const answer = answers.shift() ?? responder(request) ?? builtInAnswer(request);
    // A slow answer stops waiting when the client hangs up (its own timeout) or the sandbox closes.
    const hangUp = new AbortController();
    res.on('close', () => hangUp.abort());
    await respond(res, request, answer, AbortSignal.any([hangUp.signal, closing.signal]));
  }

  const server = http.createServer((req, res) => {
    const work = handle(req, res).catch((error: unknown) => answerCrash(res, error));
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  });
  const origin = await listenOn(server, opts.port, opts.host);

  return {
    baseUrl: origin,
    requests: () => recorded.map((request) => ({ ...request, headers: { ...request.headers } })),
    script: (...more) => void answers.push(...more),
    pendingAnswers: () => answers.length,
    async close() {
      if (closing.signal.aborted) return;
      closing.abort();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await Promise.allSettled([...inFlight]);
    },
  };
}

/** The SDK sends `Authorization: Bearer <key>` (1.x) and older clients `x-api-key`: either will do. */
function authFailure(headers: Record<string, string>, apiKey: string): AnthropicErrorResponse | undefined {
  const key = headers['x-api-key'];
  const authorization = headers['authorization'];
  if (key === undefined && authorization === undefined) return anthropicErrors.missingApiKey();
  if (key === apiKey) return undefined;
  const bearer = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1];
  if (bearer === apiKey) return undefined;
  return key !== undefined ? anthropicErrors.invalidApiKey() : anthropicErrors.invalidBearerToken();
}

function answerCrash(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendError(res, { ...anthropicErrors.internal(), message: `sandbox failure: ${String(error)}` });
}
