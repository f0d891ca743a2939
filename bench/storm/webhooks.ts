import { randomUUID } from 'node:crypto';
import { type TelnyxSandbox, webhookBody } from '@naxio/telnyx-sandbox';
import type { PreparedRequest } from '../lib/load-generator';
import { callHangupPayload, callTime, newCallLeg } from '../../apps/telnyx-sandbox/src/call-payloads';

/** Distinct, valid E.164 callers: +1737200xxxx and up. */
export const stormCaller = (index: number): string => `+1737${String(2_000_000 + index).padStart(7, '0')}`;

/**
 * The exact call.hangup the sandbox delivers when a caller rings out unanswered (same payload
 * builders, same alphabetical JSON, attempt 1), so the ingress sees nothing a real storm would not.
 */
export function missedCallWebhook(from: string, to: string, connectionId: string, url: string): string {
  const endTime = new Date();
  const leg = newCallLeg(from, to, connectionId, new Date(endTime.getTime() - 25_000));
  return webhookBody({ id: randomUUID(), eventType: 'call.hangup', occurredAt: callTime(endTime), payload: callHangupPayload(leg, 'timeout', endTime) }, 1, url);
}

export type WebhookPost = { caller: string; status: number; sentAt: number; ackedAt: number };

/**
 * A missed call as the load generator sends it, signed now: Telnyx signatures carry their time and
 * the ingress refuses stale ones, so sign just before the run.
 */
export function signedMissedCall(signer: Pick<TelnyxSandbox, 'sign' | 'connectionId'>, caller: string, tenantPhone: string, voiceUrl: string): PreparedRequest {
  const body = missedCallWebhook(caller, tenantPhone, signer.connectionId, voiceUrl);
  return { method: 'POST', path: new URL(voiceUrl).pathname, headers: { ...signer.sign(body), 'content-type': 'application/json', 'user-agent': 'telnyx-webhooks' }, body };
}
