// Turns one scripted (or default) answer into the HTTP response Anthropic would send.
import type { ServerResponse } from 'node:http';
import { anthropicErrors, errorBody, shouldRetry, type AnthropicErrorResponse } from './anthropic-errors';
import { anthropicId, pause, send } from './http-io';
import { malformedMessage, textMessage, toolUseMessage } from './message-body';
import type { ErrorAnswer, MessagesRequest, ScriptedAnswer } from './types';

// What a proxy that dropped the connection half-way leaves behind: JSON that stops mid-string.
const GARBAGE_BODY = '{"id":"msg_01Xq","type":"message","role":"assistant","content":[{"type":"text","text":"Hel';

export function sendError(res: ServerResponse, failure: AnthropicErrorResponse): void {
  const requestId = anthropicId('req');
  const headers: Record<string, string> = {
    'request-id': requestId,
    'x-should-retry': String(shouldRetry(failure.status)),
  };
  if (failure.retryAfterSeconds !== undefined) headers['retry-after'] = String(failure.retryAfterSeconds);
  send(res, failure.status, JSON.stringify(errorBody(failure, requestId)), headers);
}

function scriptedFailure(answer: ErrorAnswer): AnthropicErrorResponse {
  switch (answer.status) {
    case 429:
      return anthropicErrors.rateLimited(answer.retryAfterSeconds);
    case 500:
      return withRetryAfter(anthropicErrors.internal(), answer.retryAfterSeconds);
    case 529:
      return withRetryAfter(anthropicErrors.overloaded(), answer.retryAfterSeconds);
    default: {
      const _exhaustive: never = answer.status;
      throw new Error(`unscriptable status ${String(_exhaustive)}`);
    }
  }
}

const withRetryAfter = (failure: AnthropicErrorResponse, seconds: number | undefined) =>
  seconds === undefined ? failure : { ...failure, retryAfterSeconds: seconds };

const sendMessage = (res: ServerResponse, body: object) =>
  send(res, 200, JSON.stringify(body), { 'request-id': anthropicId('req') });

/** Answers `request`; a slow answer waits unless the client hangs up or the sandbox closes first. */
export async function respond(
  res: ServerResponse,
  request: MessagesRequest,
  answer: ScriptedAnswer,
  signal: AbortSignal,
): Promise<void> {
  if ('delayMs' in answer) {
    await pause(answer.delayMs, signal);
    if (signal.aborted) return;
    return respond(res, request, answer.then, signal);
  }
  if ('status' in answer) return sendError(res, scriptedFailure(answer));
  if ('garbage' in answer) return send(res, 200, GARBAGE_BODY, { 'request-id': anthropicId('req') });
  if ('malformed' in answer) return sendMessage(res, malformedMessage(request));
  if ('toolUse' in answer) return sendMessage(res, toolUseMessage(request, answer));
  if ('text' in answer) return sendMessage(res, textMessage(request, answer));
  const _exhaustive: never = answer;
  throw new Error(`unknown scripted answer ${JSON.stringify(_exhaustive)}`);
}
