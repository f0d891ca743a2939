import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { type TelnyxSandbox, webhookBody } from '@naxio/telnyx-sandbox';
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

export type WebhookPost = { caller: string; status: number; answer: string; sentAt: number; ackedAt: number };

/**
 * Posts signed webhooks over kept-alive connections (Telnyx's senders reuse theirs too). `sentAt` is
 * taken just before the request leaves and is where text-back latency starts, as the sandbox does.
 */
export function webhookPoster(sandbox: TelnyxSandbox, voiceUrl: string) {
  const agent = new http.Agent({ keepAlive: true });
  const target = new URL(voiceUrl);
  return {
    post(caller: string, tenantPhone: string): Promise<WebhookPost> {
      const body = missedCallWebhook(caller, tenantPhone, sandbox.connectionId, voiceUrl);
      const headers = { ...sandbox.sign(body), 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'telnyx-webhooks' };
      const sentAt = Date.now();
      return new Promise((resolve) => {
        const request = http.request(target, { method: 'POST', agent, headers, timeout: 30_000 }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ caller, status: response.statusCode ?? 0, answer: Buffer.concat(chunks).toString('utf8'), sentAt, ackedAt: Date.now() }));
        });
        request.on('timeout', () => request.destroy(new Error('no answer within 30 s')));
        request.on('error', (error) => resolve({ caller, status: 0, answer: error.message, sentAt, ackedAt: Date.now() }));
        request.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}
