import type Telnyx from 'telnyx';
import type { DialRequest, VoiceGateway } from '@naxio/domain';

const VOICE = 'female';
const LANGUAGE = 'en-US';

/** Call Control through the official SDK: dial, then steer the call as its webhooks arrive. */
export class TelnyxVoiceGateway implements VoiceGateway {
  constructor(
    private readonly client: Telnyx,
    /** The Call Control application that outbound calls belong to. */
    private readonly connectionId: string,
  ) {}

  async dial(request: DialRequest): Promise<{ callControlId: string }> {
    const response = await this.client.calls.dial({
      connection_id: this.connectionId,
      from: request.from,
      to: request.to,
      client_state: request.clientState,
      timeout_secs: request.timeoutSecs ?? 30,
      ...(request.detectVoicemail ? { answering_machine_detection: 'detect' as const } : {}),
    });
    const callControlId = response.data?.call_control_id;
    if (!callControlId) throw new Error('Telnyx dialled without returning a call_control_id');
    return { callControlId };
  }

  async speak(callControlId: string, text: string, clientState?: string): Promise<void> {
    await this.client.calls.actions.speak(callControlId, { payload: text, voice: VOICE, language: LANGUAGE, ...(clientState ? { client_state: clientState } : {}) });
  }

  async gatherAnswers(callControlId: string, request: { greeting: string; parameters: Record<string, unknown>; clientState?: string }): Promise<void> {
    await this.client.calls.actions.gatherUsingAI(callControlId, {
      greeting: request.greeting,
      parameters: request.parameters,
      ...(request.clientState ? { client_state: request.clientState } : {}),
    });
  }

  async hangup(callControlId: string): Promise<void> {
    await this.client.calls.actions.hangup(callControlId, {});
  }
}
