/** Every error the ingress answers with, in one place: code → HTTP status and a clear message. */
export const errorCatalogue = {
  invalid_signature: 401,
  malformed_json: 400,
  invalid_webhook: 400,
  unknown_tenant_number: 404,
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export class IngressError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'IngressError';
  }

  get status(): number {
    return errorCatalogue[this.code];
  }
}

export const errorBody = (code: ErrorCode, message: string) => ({ error: { code, message } });

/** Fastify's own errors (body limits, content types) mapped into the catalogue. */
export function fromFastifyError(error: { code?: string; statusCode?: number; message: string }): IngressError {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new IngressError('payload_too_large', 'webhook body is larger than the limit');
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new IngressError('unsupported_media_type', 'webhooks must be application/json');
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return new IngressError('malformed_json', 'webhook body is empty');
  return new IngressError('internal', 'unexpected error');
}
