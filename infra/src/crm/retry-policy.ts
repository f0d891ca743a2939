// Bounded retries with backoff for CRM syncs, at two levels. A refusal the vendor certainly did not
// act on (429, Jobber's THROTTLED) is resent as it is, after the wait it asked for. Anything
// ambiguous (5xx, no answer) retries the sync as a whole: each step first looks for what an earlier
// attempt created, so a timeout after the vendor had already saved never makes a second customer or job.
import { CrmTransientError } from '@naxio/domain';
import type { CrmErrorCode } from './crm-error-codes';

export interface RetryPolicy {
  /** Attempts in total, the first included. */
  maxAttempts: number;
  /** Backoff before attempt n+1: baseDelayMs · 2^(n-1), capped at maxDelayMs, with jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** The longest wait the vendor may ask for (Retry-After, the cost bucket) before we hand back instead. */
  maxWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 8_000, maxWaitMs: 60_000 };

/**
 * Thrown inside an attempt when trying again later may work; `retryAfterMs` is what the vendor
 * asked for; `resendable` says the request was refused unprocessed and may be sent again as is.
 */
export class RetryableCrmFailure extends Error {
  constructor(
    readonly code: CrmErrorCode,
    message: string,
    readonly retryAfterMs?: number,
    readonly resendable = false,
  ) {
    super(message);
    this.name = 'RetryableCrmFailure';
  }
}

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export async function withRetries<T>(
  work: () => Promise<T>,
  policy: RetryPolicy,
  sleep: Sleep = realSleep,
  retries: (failure: RetryableCrmFailure) => boolean = () => true,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof RetryableCrmFailure) || !retries(error)) throw error;
      if (attempt >= policy.maxAttempts) {
        throw new CrmTransientError(error.code, `${error.message} (gave up after ${attempt} attempts)`);
      }
      const wait = error.retryAfterMs ?? backoffMs(attempt, policy);
      if (wait > policy.maxWaitMs) {
        throw new CrmTransientError(error.code, `${error.message}; the CRM asked us to wait ${wait} ms`);
      }
      await sleep(wait);
    }
  }
}
