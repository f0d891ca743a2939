/** Sending one text. The adapter says what happened in the terms the domain cares about. */
export type OutgoingSms = {
  from: string;
  to: string;
  text: string;
  /** Where the carrier should report delivery; carries ids that let a receipt confirm the send. */
  receiptUrl?: string;
  /**
   * Names this one text for the vendor (Telnyx's Idempotency-Key): a second request with the same key
   * and body is answered with the first one's result instead of texting again. A claimed attempt that
   * a crash left without an outcome is re-sent under its key.
   */
  onceKey?: string;
};

export type SmsOutcome =
  | { outcome: 'accepted'; messageId: string }
  /** The recipient has blocked us at the carrier (texted STOP): an opt-out, never retried. */
  | { outcome: 'blocked'; detail: string }
  /** The request was refused for good (bad number, bad sender). */
  | { outcome: 'rejected'; code: string; detail: string }
  /** Nothing was sent and a later try may work (rate limit, vendor outage, network). */
  | { outcome: 'unavailable'; code: string; detail: string }
  /** The request may or may not have reached the vendor (a timeout): only a delivery receipt can tell. */
  | { outcome: 'unknown'; detail: string };

export interface SmsGateway {
  send(sms: OutgoingSms): Promise<SmsOutcome>;
}
