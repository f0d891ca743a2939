import type { OutgoingSms, SmsGateway, SmsOutcome } from '@naxio/domain';

/** Records what would have been sent; `answer` scripts what the "carrier" says for a number. */
export class InMemorySmsGateway implements SmsGateway {
  readonly sent: Array<OutgoingSms & { messageId: string }> = [];
  private next = 1;
  private readonly byKey = new Map<string, string>();

  constructor(private readonly answer: (sms: OutgoingSms) => SmsOutcome | undefined = () => undefined) {}

  async send(sms: OutgoingSms): Promise<SmsOutcome> {
    const scripted = this.answer(sms);
    if (scripted) return scripted;
    const earlier = sms.onceKey === undefined ? undefined : this.byKey.get(sms.onceKey);
    if (earlier) return { outcome: 'accepted', messageId: earlier };
    const messageId = `msg-${this.next++}`;
    if (sms.onceKey !== undefined) this.byKey.set(sms.onceKey, messageId);
    this.sent.push({ ...sms, messageId });
    return { outcome: 'accepted', messageId };
  }
}
