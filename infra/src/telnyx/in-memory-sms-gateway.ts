import type { OutgoingSms, SmsGateway, SmsOutcome } from '@naxio/domain';

/** Records what would have been sent; `answer` scripts what the "carrier" says for a number. */
export class InMemorySmsGateway implements SmsGateway {
  readonly sent: Array<OutgoingSms & { messageId: string }> = [];
  private next = 1;

  constructor(private readonly answer: (sms: OutgoingSms) => SmsOutcome | undefined = () => undefined) {}

  async send(sms: OutgoingSms): Promise<SmsOutcome> {
    const scripted = this.answer(sms);
    if (scripted) return scripted;
    const messageId = `msg-${this.next++}`;
    this.sent.push({ ...sms, messageId });
    return { outcome: 'accepted', messageId };
  }
}
