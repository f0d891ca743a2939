// The world outside the API: callers ringing the account's numbers, handsets texting them, and
// carriers confirming delivery. Each becomes signed webhooks, delivered in order.
import { randomUUID } from 'node:crypto';
import { callAnsweredPayload, callHangupPayload, callInitiatedPayload, callTime, newCallLeg } from './call-payloads';
import { pause } from './http-io';
import {
  inboundMessagePayload,
  outboundMessagePayload,
  telnyxTime,
  type InboundMessageRecord,
  type OutboundMessageRecord,
} from './message-payloads';
import type { SandboxState } from './sandbox-state';
import type { InboundSms, PlacedCall, RingOutCall } from './types';
import { newWebhookEvent, type WebhookDeliverer } from './webhook-delivery';

// Telnyx's default opt-out handling: a text that is exactly one of these (any case, spacing)
// creates or removes a block rule for its sender.
const OPT_OUT_KEYWORDS = new Set(['STOP', 'STOPALL', 'STOP ALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT']);
const OPT_IN_KEYWORDS = new Set(['START', 'UNSTOP']);

export class PhoneNetwork {
  constructor(
    private readonly state: SandboxState,
    private readonly deliverer: WebhookDeliverer,
    private readonly closing: AbortSignal,
    private readonly honorOptOutKeywords: boolean,
  ) {}

  /** An incoming call to `to`: call.initiated, [call.answered], call.hangup, each awaited in turn. */
  async ringOut(call: RingOutCall): Promise<PlacedCall> {
    if (typeof call.from !== 'string' || typeof call.to !== 'string') {
      throw new Error('ringOut needs `from` and `to` phone numbers');
    }
    const url = this.requireUrl('voice');
    const leg = newCallLeg(call.from, call.to, this.state.account.connectionId);
    const webhookIds: string[] = [];
    const emit = async (eventType: string, payload: Record<string, unknown>, at = new Date()) => {
      const event = newWebhookEvent(eventType, payload, callTime(at));
      webhookIds.push(event.id);
      await this.deliverer.deliver(url, event);
    };

    await emit('call.initiated', callInitiatedPayload(leg), leg.startTime);
    if (call.answered) await emit('call.answered', callAnsweredPayload(leg));
    await pause(call.ringMs ?? 0, this.closing);
    const cause = call.hangupCause ?? (call.answered ? 'normal_clearing' : 'timeout');
    const endTime = new Date();
    await emit('call.hangup', callHangupPayload(leg, cause, endTime), endTime);

    return { callControlId: leg.callControlId, callSessionId: leg.callSessionId, callLegId: leg.callLegId, webhookIds };
  }

  /** A handset texting one of the account's numbers: message.received to the messaging URL. */
  async sendInboundSms(sms: InboundSms): Promise<{ id: string; status: number; eventId: string }> {
    if (typeof sms.from !== 'string' || typeof sms.to !== 'string' || typeof sms.text !== 'string') {
      throw new Error('sendInboundSms needs `from`, `to` and `text`');
    }
    const url = this.requireUrl('messaging');
    const record: InboundMessageRecord = {
      direction: 'inbound',
      id: randomUUID(),
      from: sms.from,
      to: sms.to,
      text: sms.text,
      messagingProfileId: this.state.account.messagingProfileId,
      receivedAt: new Date(),
      webhookUrl: url,
      webhookFailoverUrl: null,
    };
    this.state.recordInbound(record);
    // The block rule exists before the app hears of the STOP, so any reply it sends is refused.
    if (this.honorOptOutKeywords) this.applyKeyword(sms.from, sms.text);

    const payload = inboundMessagePayload(record, this.state.account);
    const event = newWebhookEvent('message.received', payload, telnyxTime(record.receivedAt));
    const status = await this.deliverer.deliver(url, event);
    return { id: record.id, status, eventId: event.id };
  }

  /** The carrier's side of an accepted message: message.sent, then message.finalized (delivered). */
  async reportDelivery(record: OutboundMessageRecord, receiptUrl: string | undefined): Promise<void> {
    record.sentAt = new Date();
    record.status = 'sent';
    if (receiptUrl) await this.reportStatus(record, 'message.sent', receiptUrl, record.sentAt);
    if (this.closing.aborted) return;
    record.completedAt = new Date();
    record.status = 'delivered';
    if (receiptUrl) await this.reportStatus(record, 'message.finalized', receiptUrl, record.completedAt);
  }

  private async reportStatus(record: OutboundMessageRecord, eventType: string, url: string, at: Date): Promise<void> {
    // Snapshot the payload now: the record keeps changing while this delivery retries.
    const payload = outboundMessagePayload(record, this.state.account);
    await this.deliverer.deliver(url, newWebhookEvent(eventType, payload, telnyxTime(at)));
  }

  private applyKeyword(sender: string, text: string): void {
    const keyword = text.trim().replace(/\s+/g, ' ').toUpperCase();
    if (OPT_OUT_KEYWORDS.has(keyword)) this.state.block(sender);
    else if (OPT_IN_KEYWORDS.has(keyword)) this.state.unblock(sender);
  }

  private requireUrl(kind: 'voice' | 'messaging'): string {
    const url = this.state.webhookUrls[kind];
    if (!url) {
      throw new Error(`No ${kind} webhook URL: pass ${kind}WebhookUrl to startTelnyxSandbox or call setWebhookUrls`);
    }
    return url;
  }
}
