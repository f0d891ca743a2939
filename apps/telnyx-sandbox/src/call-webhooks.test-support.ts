// Reading the webhooks of one call out of a WebhookReceiver: first attempts only (a retried
// webhook keeps its data.id), in the order they arrived.
import type { ReceivedWebhook, WebhookReceiver } from './webhook-receiver.test-support';

export function callWebhooks(receiver: WebhookReceiver, callControlId: string): ReceivedWebhook[] {
  return receiver.received.filter(
    (webhook) => webhook.json.meta.attempt === 1 && webhook.json.data.payload.call_control_id === callControlId,
  );
}

export function eventTypes(receiver: WebhookReceiver, callControlId: string): string[] {
  return callWebhooks(receiver, callControlId).map((webhook) => webhook.json.data.event_type);
}

/** Polls until the call has its `nth` (default first) webhook of this type; rejects naming what did arrive. */
export async function waitForEvent(
  receiver: WebhookReceiver,
  callControlId: string,
  eventType: string,
  opts: { nth?: number; timeoutMs?: number } = {},
): Promise<ReceivedWebhook> {
  const { nth = 1, timeoutMs = 3000 } = opts;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = callWebhooks(receiver, callControlId).filter((webhook) => webhook.json.data.event_type === eventType)[nth - 1];
    if (found) return found;
    if (Date.now() > deadline) {
      const got = eventTypes(receiver, callControlId).join(', ') || 'nothing';
      throw new Error(`no ${eventType} #${nth} within ${timeoutMs} ms; got ${got}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
