/** A request the Messages API would refuse with 400 invalid_request_error; the message is the API's wording. */
export class InvalidRequest extends Error {
  readonly code = 'invalid_request';
}

export const invalid = (message: string): never => {
  throw new InvalidRequest(message);
};

export const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
