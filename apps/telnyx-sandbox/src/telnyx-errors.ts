// One catalogue of the Telnyx errors the sandbox answers with: HTTP status plus the documented
// `{"errors":[{code,title,detail,source?,meta?}]}` body. Codes, titles and details are Telnyx's own
// (developers.telnyx.com API error pages and OpenAPI examples); see the package report for sources.

export interface TelnyxErrorObject {
  code: string;
  title: string;
  detail: string;
  source?: { pointer: string };
  meta?: { url: string };
}

export interface TelnyxErrorResponse {
  status: number;
  body: { errors: TelnyxErrorObject[] };
}

const ERROR_DOCS = 'https://developers.telnyx.com/docs/overview/errors/';

function telnyxError(
  status: number,
  error: { code: string; title: string; detail: string; pointer?: string; withDocsLink?: boolean },
): TelnyxErrorResponse {
  const object: TelnyxErrorObject = { code: error.code, title: error.title, detail: error.detail };
  if (error.pointer !== undefined) object.source = { pointer: error.pointer };
  // The general API errors carry a docs link; the messaging ones seen in the wild do not.
  if (error.withDocsLink !== false) object.meta = { url: `${ERROR_DOCS}${error.code}` };
  return { status, body: { errors: [object] } };
}

export const telnyxErrors = {
  authenticationFailed: () =>
    telnyxError(401, {
      code: '10009',
      title: 'Authentication failed',
      detail: 'Could not understand the provided credentials.',
    }),

  malformedRequest: () =>
    telnyxError(400, {
      code: '10015',
      title: 'Bad Request',
      detail: 'The request failed because it was not well-formed.',
      pointer: '/',
    }),

  missingParameter: (pointer: string) =>
    telnyxError(400, {
      code: '10004',
      title: 'Missing required parameter',
      detail: 'A required parameter was missing. Consult the source field on the returned error to determine the missing field.',
      pointer,
    }),

  invalidUrl: (pointer: string) =>
    telnyxError(400, {
      code: '10003',
      title: 'Invalid URL',
      detail: 'The URL provided was invalid, malformed, or too long. URLs can be a maximum of 2000 characters.',
      pointer,
    }),

  resourceNotFound: () =>
    telnyxError(404, {
      code: '10005',
      title: 'Resource not found',
      detail: 'The requested resource or URL could not be found.',
      pointer: '/',
    }),

  invalidToAddress: () =>
    telnyxError(400, {
      code: '40310',
      title: "Invalid 'to' address",
      detail: "The 'to' address should be a single valid number.",
      pointer: '/to',
      withDocsLink: false,
    }),

  invalidFromAddress: () =>
    telnyxError(400, {
      code: '40305',
      title: "Invalid 'from' address",
      detail: "The 'from' address should be string containing a valid number associated with the sending messaging profile.",
      pointer: '/from',
      withDocsLink: false,
    }),

  /** Documented as HTTP 409. Note the SDK retries 409 by default (it reads it as a lock timeout). */
  blockedByStopMessage: (from: string, to: string) =>
    telnyxError(409, {
      code: '40300',
      title: 'Blocked due to STOP message',
      detail: `Messages cannot be sent from '${from}' to '${to}' due to an existing block rule.`,
      withDocsLink: false,
    }),

  /** Failures injected with failNextSends; the bodies of real 429/5xx answers are unconfirmed. */
  injected: (status: 429 | 500 | 503) =>
    status === 429
      ? telnyxError(429, {
          code: '10011',
          title: 'Too many requests',
          detail: 'You have exceeded the maximum number of allowed requests.',
        })
      : telnyxError(status, { code: '10007', title: 'Unexpected error', detail: 'An unexpected error occured.' }),
};
