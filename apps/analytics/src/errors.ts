/** Every error the analytics API answers with, in one place: code → HTTP status. */
export const errorCatalogue = {
  invalid_parameter: 400,
  invalid_range: 400,
  invalid_cursor: 400,
  malformed_body: 400,
  unauthorized: 401,
  lead_not_found: 404,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export class AnalyticsError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AnalyticsError';
  }

  get status(): number {
    return errorCatalogue[this.code];
  }
}

export const errorBody = (code: ErrorCode, message: string) => ({ error: { code, message } });

export const leadNotFound = (leadId: string) => new AnalyticsError('lead_not_found', `no lead ${leadId}`);

type AjvIssue = { keyword: string; instancePath: string; message?: string; params: Record<string, unknown> };
type FastifyLikeError = { code?: string; statusCode?: number; message: string; validation?: AjvIssue[]; validationContext?: string };

/** One schema violation in words a caller can act on, naming the parameter. */
function describeIssue(issue: AjvIssue, context: string | undefined): string {
  const field = issue.instancePath.replace(/^\//, '').replace(/\//g, '.') || context || 'request';
  switch (issue.keyword) {
    case 'required':
      return `${String(issue.params.missingProperty)} is required`;
    case 'additionalProperties':
      return `unknown ${context === 'body' ? 'field' : 'parameter'} "${String(issue.params.additionalProperty)}"`;
    case 'enum':
      return `${field} must be one of: ${(issue.params.allowedValues as unknown[]).join(', ')}`;
    case 'format':
      return issue.params.format === 'date' ? `${field} must be a calendar date as YYYY-MM-DD` : `${field} must be a ${String(issue.params.format)}`;
    default:
      return `${field} ${issue.message ?? 'is not valid'}`;
  }
}

/** Fastify's own errors (validation, bodies, content types) mapped into the catalogue. */
export function fromFastifyError(error: FastifyLikeError): AnalyticsError {
  if (error.validation) {
    return new AnalyticsError('invalid_parameter', error.validation.map((issue) => describeIssue(issue, error.validationContext)).join('; '));
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AnalyticsError('payload_too_large', 'request body is larger than the limit');
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new AnalyticsError('unsupported_media_type', 'request bodies must be application/json');
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.statusCode === 400) {
    return new AnalyticsError('malformed_body', 'request body is not valid JSON');
  }
  return new AnalyticsError('internal', 'unexpected error');
}
