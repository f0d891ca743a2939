import { classifyAttemptError, type AttemptFailure, type ClaudeFallbackReason } from './claude-failure';

/**
 * Runs `attempt` until it succeeds or the time budget is spent. The SDK's own retries are off, so
 * this is the only retry policy: 429, 5xx, 529 and connection failures are tried again after the
 * server's `retry-after` when that still fits in the budget (else after a short backoff), and each
 * attempt may use all the time that is left, no more.
 */
export type BudgetClock = { now(): number; sleep(ms: number): Promise<void> };

export const systemClock: BudgetClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

// An attempt with less time than this cannot get an answer from Claude; give up instead.
const MIN_ATTEMPT_MS = 150;
const FIRST_BACKOFF_MS = 100;

export class ClaudeGaveUp extends Error {
  constructor(readonly reason: ClaudeFallbackReason) {
    super(`${reason.code} after ${reason.attempts} attempt(s): ${reason.detail}`);
    this.name = 'ClaudeGaveUp';
  }
}

export async function withinBudget<T>(
  budgetMs: number,
  attempt: (timeoutMs: number) => Promise<T>,
  clock: BudgetClock = systemClock,
): Promise<T> {
  const deadline = clock.now() + budgetMs;
  for (let attempts = 1; ; attempts += 1) {
    let failure: AttemptFailure;
    try {
      return await attempt(Math.max(1, deadline - clock.now()));
    } catch (error) {
      failure = classifyAttemptError(error);
    }
    if (!failure.retryable) throw new ClaudeGaveUp({ code: failure.code, detail: failure.detail, attempts });
    const wait = failure.retryAfterMs ?? backoff(attempts);
    if (clock.now() + wait + MIN_ATTEMPT_MS > deadline) {
      throw new ClaudeGaveUp({ code: 'budget_exhausted', detail: `last: ${failure.code} ${failure.detail}`, attempts });
    }
    await clock.sleep(wait);
  }
}

/** 100, 200, 400 ms…, less up to a quarter, so callers that failed together do not retry together. */
const backoff = (attempts: number) => FIRST_BACKOFF_MS * 2 ** (attempts - 1) * (1 - Math.random() * 0.25);
