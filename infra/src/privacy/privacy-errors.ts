// The one catalogue of codes for personal-data protection failures.
export const PrivacyErrorCode = {
  /** A sealed value failed authentication under the lead's current key: it was altered, or moved from another field or event. */
  sealedValueRejected: 'pii_sealed_value_rejected',
  /** An event's metadata names another stream than the one it is appended to: its fields would be sealed under the wrong lead's key. */
  streamMismatch: 'pii_stream_mismatch',
  /** A lead key that is not 256 bits. */
  invalidKey: 'pii_invalid_key',
} as const;

export type PrivacyErrorCode = (typeof PrivacyErrorCode)[keyof typeof PrivacyErrorCode];

export class PrivacyError extends Error {
  constructor(
    readonly code: PrivacyErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PrivacyError';
  }
}
