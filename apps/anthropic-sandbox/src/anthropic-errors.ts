// One catalogue of the errors the sandbox answers with, in Anthropic's documented shape:
// `{"type":"error","error":{"type","message"},"request_id"}` plus a `request-id` header.
// `x-should-retry` is what the API sends alongside (seen as "false" on 400s in captured responses).

export type AnthropicErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'not_found_error'
  | 'request_too_large'
  | 'rate_limit_error'
  | 'api_error'
  | 'overloaded_error';

export type AnthropicErrorResponse = {
  status: number;
  type: AnthropicErrorType;
  message: string;
  retryAfterSeconds?: number;
};

const error = (status: number, type: AnthropicErrorType, message: string): AnthropicErrorResponse => ({
  status,
  type,
  message,
});

export const anthropicErrors = {
  invalidRequest: (message: string) => error(400, 'invalid_request_error', message),
  missingApiKey: () => error(401, 'authentication_error', 'x-api-key header is required'),
  invalidApiKey: () => error(401, 'authentication_error', 'invalid x-api-key'),
  invalidBearerToken: () => error(401, 'authentication_error', 'Invalid bearer token'),
  notFound: () => error(404, 'not_found_error', 'Not found'),
  tooLarge: () => error(413, 'request_too_large', 'Request exceeds the maximum allowed number of bytes.'),
  rateLimited: (retryAfterSeconds?: number) => ({
    ...error(429, 'rate_limit_error', "This request would exceed your organization's rate limit. Please try again later."),
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
  }),
  internal: () => error(500, 'api_error', 'Internal server error'),
  overloaded: () => error(529, 'overloaded_error', 'Overloaded'),
};

/** 429, 5xx and 529 are worth another try; the rest are the caller's to fix. */
export const shouldRetry = (status: number) => status === 429 || status >= 500;

export function errorBody(failure: AnthropicErrorResponse, requestId: string) {
  return { type: 'error', error: { type: failure.type, message: failure.message }, request_id: requestId };
}
