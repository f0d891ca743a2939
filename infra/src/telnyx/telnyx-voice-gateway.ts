import type Telnyx from 'telnyx';
import { APIError } from 'telnyx';
import { type DialRequest, DialRefused, type VoiceGateway } from '@naxio/domain';

const VOICE = 'female';
const LANGUAGE = 'en-US';
/** The largest page Telnyx's list endpoints serve. */
const ACTIVE_CALLS_PAGE = 250;

/** Call Control through the official SDK: dial, then steer the call as its webhooks arrive. */
export class TelnyxVoiceGateway implements VoiceGateway {
  constructor(
    private readonly client: Telnyx,
    /** The Call Control application that outbound calls belong to. */
    private readonly connectionId: string,
  ) {}

  async dial(request: DialRequest): Promise<{ callControlId: string }> {
    const response = await this.client.calls
      .dial({
        connection_id: this.connectionId,
        from: request.from,
        to: request.to,
        client_state: request.clientState,
        timeout_secs: request.timeoutSecs ?? 30,
        ...(request.detectVoicemail ? { answering_machine_detection: 'detect' as const } : {}),
      })
      .catch((error: unknown) => {
        // A 4xx is Telnyx saying no; a timeout or a 5xx may have come after the call was placed.
        if (error instanceof APIError && error.status !== undefined && error.status >= 400 && error.status < 500) throw new DialRefused(error.status, error.message);
        throw error;
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

  async liveCall(clientState: string): Promise<{ callControlId: string } | null> {
    const seen = new Set<string>();
    let page = await this.client.connections.listActiveCalls(this.connectionId, { 'page[size]': ACTIVE_CALLS_PAGE });
    for (;;) {
      const found = page.data.find((call) => call.client_state === clientState);
      if (found) return { callControlId: found.call_control_id };
      // Calls come and go between pages; a page of nothing new means the list has been read.
      const fresh = page.data.filter((call) => !seen.has(call.call_control_id));
      if (fresh.length === 0 || !page.hasNextPage()) return null;
      for (const call of fresh) seen.add(call.call_control_id);
      page = await page.getNextPage();
    }
  }
}
