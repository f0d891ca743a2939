/** Placing and steering phone calls (Telnyx Call Control). Results arrive later as webhooks. */
export type DialRequest = {
  from: string;
  to: string;
  /** Echoed back on every webhook of the call, so a webhook can be tied to its lead and attempt. */
  clientState: string;
  timeoutSecs?: number;
  detectVoicemail?: boolean;
};

export interface VoiceGateway {
  dial(request: DialRequest): Promise<{ callControlId: string }>;
  speak(callControlId: string, text: string, clientState?: string): Promise<void>;
  /**
   * Says `greeting`, then holds the conversation needed to fill `parameters` (a JSON Schema); what
   * the callee said arrives as the `result` of a call.ai_gather.ended webhook.
   */
  gatherAnswers(callControlId: string, request: { greeting: string; parameters: Record<string, unknown>; clientState?: string }): Promise<void>;
  hangup(callControlId: string): Promise<void>;
}
