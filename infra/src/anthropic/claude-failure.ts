import Anthropic from '@anthropic-ai/sdk';

/**
 * Every way a call to Claude can fail, as one catalogue. Each one ends in the fallback (rules or
 * templates); the code says why, for the log and the `onFallback` hook.
 */
export const claudeFailureCodes = [
  'rate_limited', // 429
  'overloaded', // 529
  'server_error', // other 5xx, 409
  'timeout', // no answer within the time left, or 408
  'connection', // refused, reset, DNS
  'authentication', // 401, 403: a wrong or revoked key
  'rejected', // other 4xx: the request itself is wrong
  'malformed_response', // a 200 that is not a Message (not JSON, no content)
  'invalid_output', // a Message whose tool input or text does not fit what was asked
  'unsafe_reply', // a reply that breaks a rule (price, length, a time not offered)
  'budget_exhausted', // retryable failures until no time was left
] as const;
export type ClaudeFailureCode = (typeof claudeFailureCodes)[number];

export type ClaudeFallbackReason = { code: ClaudeFailureCode; detail: string; attempts: number };

/** One failed attempt, and whether another attempt could succeed. */
export type AttemptFailure = { code: ClaudeFailureCode; detail: string; retryable: boolean; retryAfterMs?: number };

/** Thrown from inside an attempt when Claude answered but the answer is unusable. */
export class ClaudeAnswerUnusable extends Error {
  constructor(
    readonly code: 'malformed_response' | 'invalid_output' | 'unsafe_reply',
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'ClaudeAnswerUnusable';
  }
}

export function classifyAttemptError(error: unknown): AttemptFailure {
  if (error instanceof ClaudeAnswerUnusable) return { code: error.code, detail: error.detail, retryable: false };
  // Connection errors extend APIError, so they come first.
  if (error instanceof Anthropic.APIConnectionTimeoutError) return { code: 'timeout', detail: error.message, retryable: true };
  if (error instanceof Anthropic.APIUserAbortError) return { code: 'timeout', detail: error.message, retryable: false };
  if (error instanceof Anthropic.APIConnectionError) return { code: 'connection', detail: error.message, retryable: true };
  if (error instanceof Anthropic.APIError) return fromStatus(error);
  // Anything else came out of reading the answer: a body that is not JSON, a missing field.
  return { code: 'malformed_response', detail: error instanceof Error ? error.message : String(error), retryable: false };
}

function fromStatus(error: InstanceType<typeof Anthropic.APIError>): AttemptFailure {
  const status = error.status ?? 0;
  const detail = `${status} ${error.type ?? ''} ${error.apiMessage ?? ''}`.replace(/\s+/g, ' ').trim();
  const retryAfterMs = retryAfter(error.headers);
  const retryable = (code: ClaudeFailureCode): AttemptFailure =>
    retryAfterMs === undefined ? { code, detail, retryable: true } : { code, detail, retryable: true, retryAfterMs };
  if (status === 429) return retryable('rate_limited');
  if (status === 529) return retryable('overloaded');
  if (status === 408) return retryable('timeout');
  if (status === 409 || status >= 500) return retryable('server_error');
  if (status === 401 || status === 403) return { code: 'authentication', detail, retryable: false };
  return { code: 'rejected', detail, retryable: false };
}

/** `retry-after-ms`, else `retry-after` in seconds or as an HTTP date. */
function retryAfter(headers: Headers | undefined): number | undefined {
  const millis = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(millis) && millis >= 0) return millis;
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}
