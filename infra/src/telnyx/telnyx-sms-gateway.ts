import Telnyx from 'telnyx';
import type { OutgoingSms, SmsGateway, SmsOutcome } from '@naxio/domain';
import { outgoingTraceHeaders } from '../observability/trace-scope';
import { timeVendorCall } from '../observability/vendor-metrics';

/** Telnyx's answer when the recipient texted STOP to this sender: a block rule, i.e. an opt-out. */
const BLOCKED_BY_STOP = '40300';

type TelnyxErrorBody = { errors?: Array<{ code?: string; title?: string; detail?: string }> };

function describe(error: InstanceType<typeof Telnyx.APIError>): { code: string; detail: string } {
  const first = (error.error as TelnyxErrorBody | undefined)?.errors?.[0];
  return { code: String(first?.code ?? error.status ?? 'unknown'), detail: first?.detail ?? first?.title ?? error.message };
}

export class TelnyxSmsGateway implements SmsGateway {
  constructor(
    private readonly client: Telnyx,
    private readonly messagingProfileId?: string,
  ) {}

  async send(sms: OutgoingSms): Promise<SmsOutcome> {
    try {
      const response = await timeVendorCall('telnyx', 'messages.send', () => this.client.messages.send({
        from: sms.from,
        to: sms.to,
        text: sms.text,
        ...(this.messagingProfileId ? { messaging_profile_id: this.messagingProfileId } : {}),
        ...(sms.receiptUrl ? { webhook_url: sms.receiptUrl } : {}),
      }, { headers: { ...outgoingTraceHeaders(), ...(sms.onceKey ? { 'Idempotency-Key': sms.onceKey } : {}) } }));
      const id = response.data?.id;
      if (!id) return { outcome: 'rejected', code: 'no_message_id', detail: 'Telnyx accepted the message without an id' };
      return { outcome: 'accepted', messageId: id };
    } catch (error) {
      return classify(error);
    }
  }
}

function classify(error: unknown): SmsOutcome {
  if (error instanceof Telnyx.APIConnectionTimeoutError) {
    // The request may have reached Telnyx: report it as unknown, so nobody sends a second text.
    return { outcome: 'unknown', detail: error.message };
  }
  if (error instanceof Telnyx.APIConnectionError) return { outcome: 'unavailable', code: 'connection', detail: error.message };
  if (!(error instanceof Telnyx.APIError)) throw error;
  const { code, detail } = describe(error);
  if (code === BLOCKED_BY_STOP) return { outcome: 'blocked', detail };
  const status = error.status ?? 0;
  if (status === 429 || status >= 500) return { outcome: 'unavailable', code, detail };
  return { outcome: 'rejected', code, detail };
}
