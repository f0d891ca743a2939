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
  /** Speaks `prompt`, then listens; the caller's words arrive in a gather-ended webhook. */
  gatherSpeech(callControlId: string, prompt: string, clientState?: string): Promise<void>;
  hangup(callControlId: string): Promise<void>;
}
