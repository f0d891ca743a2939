/**
 * What a log line may never hold: a full phone number or the words of a message. Paths cover the
 * fields we know carry text; masking runs on the finished line, so a number inside an error message
 * or a URL is caught too.
 */
export const REDACTED_PATHS = [
  'text',
  'payload',
  'body',
  'summary',
  'transcript',
  '*.text',
  '*.payload',
  '*.body',
  '*.summary',
  '*.transcript',
  '*.*.text',
  '*.*.payload',
  'req.headers.authorization',
  'req.headers["telnyx-signature-ed25519"]',
];

export const REDACTED = '[redacted]';

// E.164 (+ and 8 to 15 digits), also URL-encoded; the mask keeps the first digit and the last four.
const PHONE_NUMBER = /(\+|%2B)([1-9])\d{3,10}(\d{4})(?!\d)/g;

/** `+15125550123` → `+1•••••••0123`; the fixed-width mask does not give the number's length away. */
export function maskPhoneNumbers(text: string): string {
  return text.replace(PHONE_NUMBER, '$1$2•••••••$3');
}

/** Event data fields that say which lead and which attempt without saying what was written. */
const LOGGABLE_DATA_FIELDS = ['callerPhone', 'tenantPhone', 'to', 'kind', 'attemptId', 'attempt', 'reason', 'repeatCall', 'code', 'confirmedBy', 'messageId'];

/** The identifying part of an event's data; everything else (texts, addresses, answers) stays out of logs. */
export function loggableData(data: unknown): Record<string, unknown> {
  if (!data || typeof data !== 'object') return {};
  const record = data as Record<string, unknown>;
  return Object.fromEntries(LOGGABLE_DATA_FIELDS.filter((field) => record[field] !== undefined).map((field) => [field, record[field]]));
}
