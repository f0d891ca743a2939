// Jobber's query-cost limiter is a leaky bucket per app/account: each query spends points, points
// come back at `restoreRate` per second up to `maximumAvailable`, and a query that costs more than
// what is left is refused as THROTTLED (developer.getjobber.com, "API Rate Limits").
import type { CostBucketOptions } from './types';

export const DEFAULT_COST_BUCKET: CostBucketOptions = { maximumAvailable: 10_000, restoreRate: 500 };

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface CostReport {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
}

export class CostBucket {
  private available: number;
  private updatedAt: number;

  constructor(
    private readonly options: CostBucketOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.available = options.maximumAvailable;
    this.updatedAt = now();
  }

  /** Spends `cost` when the bucket holds it; either way says what the response should report. */
  spend(cost: number): { allowed: boolean; report: CostReport } {
    this.refill();
    const allowed = cost <= this.available;
    if (allowed) this.available -= cost;
    return {
      allowed,
      // The sandbox charges what was requested; Jobber refunds the unused part of connections.
      report: { requestedQueryCost: cost, actualQueryCost: allowed ? cost : null, throttleStatus: this.status() },
    };
  }

  drain(): void {
    this.refill();
    this.available = 0;
  }

  private refill(): void {
    const now = this.now();
    const restored = ((now - this.updatedAt) / 1000) * this.options.restoreRate;
    this.available = Math.min(this.options.maximumAvailable, this.available + restored);
    this.updatedAt = now;
  }

  private status(): ThrottleStatus {
    return {
      maximumAvailable: this.options.maximumAvailable,
      currentlyAvailable: Math.floor(this.available),
      restoreRate: this.options.restoreRate,
    };
  }
}
