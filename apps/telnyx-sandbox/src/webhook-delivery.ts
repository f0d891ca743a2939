// Delivers webhooks the way Telnyx does: a signed POST of {data, meta}, retried on any non-2xx
// answer or timeout with the same data.id and an increasing meta.attempt.
import { randomUUID } from 'node:crypto';
import { pause, postJson, telnyxJson } from './http-io';
import type { WebhookSigner } from './signing';
import type { WebhookDelivery, WebhookRetryPolicy } from './types';

export interface WebhookEvent {
  id: string;
  eventType: string;
  occurredAt: string;
  payload: Record<string, unknown>;
}

export function newWebhookEvent(eventType: string, payload: Record<string, unknown>, occurredAt: string): WebhookEvent {
  return { id: randomUUID(), eventType, occurredAt, payload };
}

export const DEFAULT_RETRY_POLICY: WebhookRetryPolicy = { attempts: 3, backoffMs: [100, 200], timeoutMs: 2000 };

/** The exact body Telnyx sends for one attempt; meta names the attempt and the URL it went to. */
export function webhookBody(event: WebhookEvent, attempt: number, url: string): string {
  return telnyxJson({
    data: {
      event_type: event.eventType,
      id: event.id,
      occurred_at: event.occurredAt,
      payload: event.payload,
      record_type: 'event',
    },
    meta: { attempt, delivered_to: url },
  });
}

export class WebhookDeliverer {
  constructor(
    private readonly signer: WebhookSigner,
    private readonly policy: WebhookRetryPolicy,
    private readonly log: WebhookDelivery[],
    private readonly closing: AbortSignal,
  ) {}

  /** Resolves with the receiver's last answer (0: unreachable or too slow); never rejects. */
  async deliver(url: string, event: WebhookEvent): Promise<number> {
    let status = 0;
    for (let attempt = 1; attempt <= this.policy.attempts && !this.closing.aborted; attempt += 1) {
      if (attempt > 1) await pause(this.backoffBefore(attempt), this.closing);
      if (this.closing.aborted) break;
      // meta.attempt changes the body, so every attempt is signed afresh.
      const body = webhookBody(event, attempt, url);
      const sentAt = Date.now();
      status = await postJson(url, body, { 'user-agent': 'telnyx-webhooks', ...this.signer.sign(body) }, {
        timeoutMs: this.policy.timeoutMs,
        signal: this.closing,
      });
      this.log.push({ url, eventType: event.eventType, id: event.id, status, attempt, sentAt });
      if (status >= 200 && status < 300) break;
    }
    return status;
  }

  private backoffBefore(attempt: number): number {
    const waits = this.policy.backoffMs;
    return waits[Math.min(attempt - 2, waits.length - 1)] ?? 0;
  }
}
