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

/** Where the two directions differ; everything else is the same object in the same key order. */
type DirectionFields = { from: object; to: object[]; tags: string[]; sentAt: string | null; completedAt: string | null; validUntil: string | null };

function messageObject(record: MessageRecord, account: SandboxAccount, fields: DirectionFields): Record<string, unknown> {
  const { encoding, parts } = smsEncoding(record.text);
  return {
    record_type: 'message',
    direction: record.direction,
    id: record.id,
    type: 'SMS',
    messaging_profile_id: record.messagingProfileId,
    organization_id: account.organizationId,
    from: fields.from,
    to: fields.to,
    cc: [],
    text: record.text,
    media: [],
    // Captured Telnyx payloads carry "" rather than null for an unset URL.
    webhook_url: record.webhookUrl ?? '',
    webhook_failover_url: record.webhookFailoverUrl ?? '',
    encoding,
    parts,
    tags: fields.tags,
    cost: { amount: (PRICE_PER_PART * parts).toFixed(4), currency: 'USD' },
    received_at: telnyxTime(record.receivedAt),
    sent_at: fields.sentAt,
    completed_at: fields.completedAt,
    valid_until: fields.validUntil,
    errors: [],
  };
}

export function outboundMessagePayload(record: OutboundMessageRecord, account: SandboxAccount): Record<string, unknown> {
  return messageObject(record, account, {
    from: { phone_number: record.from, ...TELNYX_CARRIER },
    to: [{ phone_number: record.to, status: record.status, ...HANDSET_CARRIER }],
    tags: record.tags,
    sentAt: record.sentAt ? telnyxTime(record.sentAt) : null,
    completedAt: record.completedAt ? telnyxTime(record.completedAt) : null,
    validUntil: telnyxTime(new Date(record.receivedAt.getTime() + QUEUE_VALIDITY_MS)),
  });
}

export function inboundMessagePayload(record: InboundMessageRecord, account: SandboxAccount): Record<string, unknown> {
  return messageObject(record, account, {
    from: { phone_number: record.from, ...HANDSET_CARRIER },
    // 'webhook_delivered' is the recipient status the SDK types list for inbound messages.
    to: [{ phone_number: record.to, status: 'webhook_delivered', ...TELNYX_CARRIER }],
    tags: [],
    sentAt: null,
    completedAt: null,
    validUntil: null,
  });
}
