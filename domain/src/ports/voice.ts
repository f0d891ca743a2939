/** Placing and steering phone calls (Telnyx Call Control). Results arrive later as webhooks. */
export type DialRequest = {
  from: string;
  to: string;
  /** Echoed back on every webhook of the call, so a webhook can be tied to its lead and attempt. */
  clientState: string;
  timeoutSecs?: number;
  detectVoicemail?: boolean;
};

/** Telnyx answered a dial with a refusal (a 4xx): no call was placed. Any other failure leaves it open. */
export class DialRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'DialRefused';
  }
}

export interface VoiceGateway {
  /** Throws DialRefused when the call was certainly not placed. */
  dial(request: DialRequest): Promise<{ callControlId: string }>;
  speak(callControlId: string, text: string, clientState?: string): Promise<void>;
  /**
   * Says `greeting`, then holds the conversation needed to fill `parameters` (a JSON Schema); what
   * the callee said arrives as the `result` of a call.ai_gather.ended webhook.
   */
  gatherAnswers(callControlId: string, request: { greeting: string; parameters: Record<string, unknown>; clientState?: string }): Promise<void>;
  hangup(callControlId: string): Promise<void>;
  /**
   * One of our calls still up (ringing or answered) that carries exactly this client_state, or null.
   * Ended calls are not listed: a call that is over speaks for itself through its webhooks.
   */
  liveCall(clientState: string): Promise<{ callControlId: string } | null>;
}
