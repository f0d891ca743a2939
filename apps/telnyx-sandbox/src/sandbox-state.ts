// Everything the sandbox remembers: the account's identity, messages, block rules, injected
// failures, webhook attempts and Call Control commands. No I/O here.
import { randomInt, randomUUID } from 'node:crypto';
import type { MessageRecord, OutboundMessageRecord, SandboxAccount } from './message-payloads';
import { IdempotencyRecords } from './idempotency';
import type { CallCommand, SentMessage, WebhookDelivery } from './types';

type InjectedStatus = 429 | 500 | 503;

export class SandboxState {
  readonly account: SandboxAccount = {
    messagingProfileId: randomUUID(),
    organizationId: randomUUID(),
    // Telnyx connection ids are 19-digit numbers.
    connectionId: `${randomInt(1, 10)}${String(randomInt(0, 1e9)).padStart(9, '0')}${String(randomInt(0, 1e9)).padStart(9, '0')}`,
  };
  readonly webhookUrls: { voice?: string; messaging?: string } = {};
  readonly deliveries: WebhookDelivery[] = [];
  readonly callCommands: CallCommand[] = [];
  readonly idempotency = new IdempotencyRecords();

  private readonly messages = new Map<string, MessageRecord>();
  private readonly sent: SentMessage[] = [];
  private readonly blockedRecipients = new Set<string>();
  private readonly injectedFailures: InjectedStatus[] = [];
  private readonly sendListeners = new Set<() => void>();

  constructor(readonly ownedNumbers: ReadonlySet<string> | undefined) {}

  recordInbound(record: MessageRecord): void {
    this.messages.set(record.id, record);
  }

  recordSent(record: OutboundMessageRecord, receivedAt: number, headers?: Record<string, string>): void {
    this.messages.set(record.id, record);
    const sent: SentMessage = { id: record.id, from: record.from, to: record.to, text: record.text, receivedAt };
    if (headers) sent.headers = headers;
    if (record.webhookUrl !== null) sent.webhookUrl = record.webhookUrl;
    this.sent.push(sent);
    for (const listener of [...this.sendListeners]) listener();
  }

  message(id: string): MessageRecord | undefined {
    return this.messages.get(id);
  }

  sentMessages(to?: string): SentMessage[] {
    return this.sent.filter((message) => to === undefined || message.to === to).map((message) => ({ ...message }));
  }

  /** Calls `listener` after every accepted send until the returned function is called. */
  onSent(listener: () => void): () => void {
    this.sendListeners.add(listener);
    return () => this.sendListeners.delete(listener);
  }

  block(recipient: string): void {
    this.blockedRecipients.add(recipient);
  }

  unblock(recipient: string): void {
    this.blockedRecipients.delete(recipient);
  }

  isBlocked(recipient: string): boolean {
    return this.blockedRecipients.has(recipient);
  }

  injectFailures(count: number, status: InjectedStatus): void {
    for (let i = 0; i < count; i += 1) this.injectedFailures.push(status);
  }

  /** The status the next send must fail with, if a failure was injected. */
  takeInjectedFailure(): InjectedStatus | undefined {
    return this.injectedFailures.shift();
  }
}
