// The one catalogue of codes CRM adapters put on CrmTransientError / CrmPermanentError.
export const CrmErrorCode = {
  /** 429, or Jobber's query-cost bucket (THROTTLED): wait and try again. */
  rateLimited: 'crm_rate_limited',
  /** 5xx from the vendor or a proxy in front of it. */
  unavailable: 'crm_unavailable',
  /** The request never got an answer (connection refused, reset, timed out). */
  network: 'crm_network',
  /** A 2xx that is not the JSON the API promises. */
  badResponse: 'crm_bad_response',
  /** Credentials refused, and refreshing them (where possible) did not help. */
  authFailed: 'crm_auth_failed',
  /** The vendor refused the data itself: validation errors, userErrors, an unknown id. */
  rejected: 'crm_rejected',
} as const;

export type CrmErrorCode = (typeof CrmErrorCode)[keyof typeof CrmErrorCode];
