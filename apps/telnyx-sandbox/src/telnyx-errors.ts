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

  // Telnyx documents the 422 for a reused key but not its code; 10015's family (request errors) is
  // the nearest documented one.
  invalidIdempotencyKey: () =>
    telnyxError(422, {
      code: '10015',
      title: 'Invalid Idempotency-Key',
      detail: 'Idempotency-Key must be 1 to 255 letters, numbers, hyphens, underscores or colons.',
    }),

  idempotencyKeyReused: () =>
    telnyxError(422, {
      code: '10015',
      title: 'Idempotency-Key reused',
      detail: 'This Idempotency-Key was used with a different request body.',
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

  /** Added. A Call Control command other than hangup on a call still ringing (seen as 422 in the wild). */
  callNotAnsweredYet: (action: string) =>
    telnyxError(422, {
      code: '90034',
      title: 'Call not answered yet',
      detail: `This call can't receive ${action} command because it has not been answered yet.`,
      withDocsLink: false,
    }),

  /** Added. Any command on a call that has hung up (seen as 422 in the wild). */
  callAlreadyEnded: () =>
    telnyxError(422, {
      code: '90018',
      title: 'Call has already ended',
      detail: "This call is no longer active and can't receive commands.",
      withDocsLink: false,
    }),

  /** Added. A dial `to` / `from` that is not +E.164 (code from the general list; HTTP status unconfirmed). */
  notE164: (pointer: string) =>
    telnyxError(422, {
      code: '10016',
      title: 'Phone number must be in +E.164 format',
      detail: 'The specified phone number parameter must be in +E.164 format.',
      pointer,
    }),

  /** Added. A dial `from` the account does not own (code and status unconfirmed). */
  callerNumberNotOwned: () =>
    telnyxError(422, { code: '10002', title: 'Invalid phone number', detail: 'The phone number is invalid.', pointer: '/from' }),

  /** Added. A dial connection_id that is not the account's Call Control application (unconfirmed). */
  unknownConnection: () =>
    telnyxError(422, {
      code: '10017',
      title: 'Associated resource does not exist',
      detail: 'The requested parameter is invalid as the associated resource does not exist.',
      pointer: '/connection_id',
    }),

  /** Added. A page[number] or page[size] that is not a whole number in range (code unconfirmed). */
  invalidPageParameter: (name: string) =>
    telnyxError(400, { code: '10015', title: 'Invalid parameter', detail: `page[${name}] must be a whole number in range.`, pointer: `/page[${name}]` }),
};
