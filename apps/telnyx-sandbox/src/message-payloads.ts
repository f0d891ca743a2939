// Builders for Telnyx's message object (OutboundMessagePayload / inbound MessagingInboundMessagePayload),
// which is both the body of POST/GET /v2/messages and the payload of message.* webhooks.
import { smsEncoding } from './sms-encoding';

export type RecipientStatus = 'queued' | 'sent' | 'delivered';

export interface SandboxAccount {
  messagingProfileId: string;
  organizationId: string;
  connectionId: string;
}

interface MessageRecordBase {
  id: string;
  from: string;
  to: string;
  text: string;
  messagingProfileId: string;
  receivedAt: Date;
  webhookUrl: string | null;
  webhookFailoverUrl: string | null;
}

export interface OutboundMessageRecord extends MessageRecordBase {
  direction: 'outbound';
  status: RecipientStatus;
  tags: string[];
  sentAt: Date | null;
  completedAt: Date | null;
}

export interface InboundMessageRecord extends MessageRecordBase {
  direction: 'inbound';
}

export type MessageRecord = OutboundMessageRecord | InboundMessageRecord;

/** Telnyx's messaging timestamps are ISO 8601 with an explicit +00:00 offset. */
export function telnyxTime(date: Date): string {
  return date.toISOString().replace('Z', '+00:00');
}

// Telnyx's own examples put valid_until one hour after received_at.
const QUEUE_VALIDITY_MS = 60 * 60 * 1000;
// The per-part price seen in captured US long-code payloads; nothing in the sandbox bills.
const PRICE_PER_PART = 0.004;

const TELNYX_CARRIER = { carrier: 'TELNYX LLC', line_type: 'VoIP' } as const;
const HANDSET_CARRIER = { carrier: 'T-MOBILE USA, INC.', line_type: 'Wireless' } as const;

export function messagePayload(record: MessageRecord, account: SandboxAccount): Record<string, unknown> {
  return record.direction === 'outbound'
    ? outboundMessagePayload(record, account)
    : inboundMessagePayload(record, account);
}

export function outboundMessagePayload(
  record: OutboundMessageRecord,
  account: SandboxAccount,
): Record<string, unknown> {
  const { encoding, parts } = smsEncoding(record.text);
  return {
    record_type: 'message',
    direction: 'outbound',
    id: record.id,
    type: 'SMS',
    messaging_profile_id: record.messagingProfileId,
    organization_id: account.organizationId,
    from: { phone_number: record.from, ...TELNYX_CARRIER },
    to: [{ phone_number: record.to, status: record.status, ...HANDSET_CARRIER }],
    cc: [],
    text: record.text,
    media: [],
    // Captured Telnyx payloads carry "" rather than null for an unset URL.
    webhook_url: record.webhookUrl ?? '',
    webhook_failover_url: record.webhookFailoverUrl ?? '',
    encoding,
    parts,
    tags: record.tags,
    cost: { amount: (PRICE_PER_PART * parts).toFixed(4), currency: 'USD' },
    received_at: telnyxTime(record.receivedAt),
    sent_at: record.sentAt ? telnyxTime(record.sentAt) : null,
    completed_at: record.completedAt ? telnyxTime(record.completedAt) : null,
    valid_until: telnyxTime(new Date(record.receivedAt.getTime() + QUEUE_VALIDITY_MS)),
    errors: [],
  };
}

export function inboundMessagePayload(
  record: InboundMessageRecord,
  account: SandboxAccount,
): Record<string, unknown> {
  const { encoding, parts } = smsEncoding(record.text);
  return {
    record_type: 'message',
    direction: 'inbound',
    id: record.id,
    type: 'SMS',
    messaging_profile_id: record.messagingProfileId,
    organization_id: account.organizationId,
    from: { phone_number: record.from, ...HANDSET_CARRIER },
    // 'webhook_delivered' is the recipient status the SDK types list for inbound messages.
    to: [{ phone_number: record.to, status: 'webhook_delivered', ...TELNYX_CARRIER }],
    cc: [],
    text: record.text,
    media: [],
    // Captured Telnyx payloads carry "" rather than null for an unset URL.
    webhook_url: record.webhookUrl ?? '',
    webhook_failover_url: record.webhookFailoverUrl ?? '',
    encoding,
    parts,
    tags: [],
    cost: { amount: (PRICE_PER_PART * parts).toFixed(4), currency: 'USD' },
    received_at: telnyxTime(record.receivedAt),
    sent_at: null,
    completed_at: null,
    valid_until: null,
    errors: [],
  };
}
