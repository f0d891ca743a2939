/** Writing a booked job into the contractor's field-service CRM (Jobber, Housecall Pro). */
export type CrmJob = {
  /** Stable per booking: the adapter uses it to find what an earlier, interrupted sync created. */
  bookingId: string;
  customer: { name: string | null; phone: string; address: string | null };
  title: string;
  description: string;
  start: string;
  end: string;
};

export type CrmSyncResult = { customerId: string; jobId: string; customerReused: boolean };

export interface Crm {
  syncJob(job: CrmJob): Promise<CrmSyncResult>;
}

/** Worth retrying later (429, 5xx, network); the adapter already waited out what it was told to. */
export class CrmTransientError extends Error {
  readonly retryable = true;
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CrmTransientError';
  }
}

/** Will not work however often it is tried (bad credentials after refresh, invalid data). */
export class CrmPermanentError extends Error {
  readonly retryable = false;
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CrmPermanentError';
  }
}
