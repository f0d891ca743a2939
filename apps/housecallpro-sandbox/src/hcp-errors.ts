// One catalogue of the errors the sandbox answers with. Statuses are the conventional ones for a
// Rails JSON API; Housecall Pro's exact error bodies are unconfirmed (no public sample found), so
// clients should rely on the status and treat the body as a human-readable detail.

export interface FieldProblem {
  field: string;
  message: string;
}

export interface HcpErrorResponse {
  status: number;
  body: { error: string; message: string; errors?: FieldProblem[] };
  headers?: Record<string, string>;
}

export class HcpRequestError extends Error {
  constructor(readonly response: HcpErrorResponse) {
    super(response.body.message);
    this.name = 'HcpRequestError';
  }
}

export const hcpErrors = {
  unauthorized: (): HcpErrorResponse => ({
    status: 401,
    body: { error: 'Unauthorized', message: 'A valid API key is required (Authorization: Token <key>)' },
  }),
  badRequest: (message: string): HcpErrorResponse => ({ status: 400, body: { error: 'Bad Request', message } }),
  notFound: (what: string): HcpErrorResponse => ({ status: 404, body: { error: 'Not Found', message: `${what} not found` } }),
  invalid: (problems: FieldProblem[]): HcpErrorResponse => ({
    status: 422,
    body: {
      error: 'Unprocessable Entity',
      message: problems.map((problem) => `${problem.field} ${problem.message}`).join('; '),
      errors: problems,
    },
  }),
  injected: (status: 429 | 500 | 502 | 503, retryAfterSeconds: number | undefined): HcpErrorResponse => {
    const headers: Record<string, string> = retryAfterSeconds !== undefined ? { 'retry-after': String(retryAfterSeconds) } : {};
    if (status === 429) return { status, headers, body: { error: 'Too Many Requests', message: 'Rate limit exceeded' } };
    const error = status === 500 ? 'Internal Server Error' : status === 502 ? 'Bad Gateway' : 'Service Unavailable';
    return { status, headers, body: { error, message: error } };
  },
};
