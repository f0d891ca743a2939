// The public contract of the sandbox. Other packages depend on these shapes: add, never change.

export type HangupCause = 'timeout' | 'no_answer' | 'originator_cancel' | 'user_busy' | 'normal_clearing';

export interface WebhookRetryPolicy {
  /** Total attempts per webhook, first one included. Telnyx documents "up to 3 attempts per URL". */
  attempts: number;
  /** Wait before attempt n+1 (index 0 = before the 2nd attempt); the last value repeats. */
  backoffMs: number[];
  /** An answer slower than this counts as a failed attempt (Telnyx expects a 2xx within 2 s). */
  timeoutMs: number;
}

export interface TelnyxSandboxOptions {
  port?: number; // default 0: a free port
  host?: string; // default 127.0.0.1
  /** The only Bearer token the /v2 API accepts; anything else answers 401 / 10009. */
  apiKey: string;
  voiceWebhookUrl?: string;
  messagingWebhookUrl?: string;
  /** E.164 numbers the account owns; `from` must be one of them. Omitted: any E.164 number is accepted. */
  ownedNumbers?: string[];
  /** Added: how webhook deliveries retry. Defaults to 3 attempts, 100 ms then 200 ms apart, 2 s timeout. */
  webhookRetry?: Partial<WebhookRetryPolicy>;
  /**
   * Added: like Telnyx, an outbound message without its own webhook_url reports message.sent /
   * message.finalized to the messaging profile's URL (messagingWebhookUrl) unless the request set
   * use_profile_webhooks: false. Set false to send receipts only to a per-message webhook_url.
   */
  profileDeliveryReceipts?: boolean;
  /**
   * Added: like Telnyx's default opt-out handling, an inbound text that is exactly STOP, STOPALL,
   * STOP ALL, UNSUBSCRIBE, CANCEL, END or QUIT creates a block rule for its sender (START or UNSTOP
   * removes it). Default true.
   */
  honorOptOutKeywords?: boolean;
  /**
   * Added: the Call Control application (connection) id. When given, POST /v2/calls refuses any
   * other connection_id; omitted, a random 19-digit id is used and any non-empty one is accepted.
   */
  connectionId?: string;
}

export interface SentMessage {
  id: string;
  from: string;
  to: string;
  text: string;
  /** Date.now() when the POST arrived. */
  receivedAt: number;
  webhookUrl?: string;
  /** Added: the request's headers (lowercase names), less the API key: e.g. the traceparent it carried. */
  headers?: Record<string, string>;
}

export interface PlacedCall {
  callControlId: string;
  callSessionId: string;
  /** data.id of each webhook, in the order they were delivered. */
  webhookIds: string[];
  /** Added. */
  callLegId: string;
}

export interface RingOutCall {
  from: string;
  to: string;
  hangupCause?: HangupCause; // default 'timeout'
  answered?: boolean;
  /** Added: real milliseconds to wait between call.initiated (or call.answered) and call.hangup. */
  ringMs?: number;
}

export interface InboundSms {
  from: string;
  to: string;
  text: string;
}

export interface WebhookDelivery {
  url: string;
  eventType: string;
  /** data.id: the same on every attempt of one event. */
  id: string;
  /** HTTP status the receiver answered; 0 when it could not be reached or was too slow. */
  status: number;
  attempt: number;
  /** Date.now() when this attempt was sent: where text-back latency starts. */
  sentAt: number;
}

/** Added: a Call Control command the app sent (POST /v2/calls or /v2/calls/{id}/actions/{action}). */
export interface CallCommand {
  callControlId: string;
  action: string; // 'dial' for POST /v2/calls
  body: Record<string, unknown>;
  receivedAt: number;
}

/**
 * Added: how the person at a dialled number behaves when the sandbox plays the callee of an
 * outbound Call Control call (POST /v2/calls). Unscripted numbers answer as a human who gathers nothing.
 */
export interface CalleeScript {
  answer: 'human' | 'voicemail' | 'no-answer' | 'busy';
  /** Real milliseconds of ringing before the answer, the busy signal or the timeout. Default 20. */
  ringMs?: number;
  /**
   * One entry per gather command, in order: the parameters the callee gives (gather_using_ai's
   * `result`; gather_using_speak reads `digits`), or `{ hangUp: true }` to hang up instead.
   * A gather with no entry left ends unanswered.
   */
  gatherResults?: Array<Record<string, unknown> | { hangUp: true }>;
  /** The callee hangs up on their own this many real milliseconds after answering. */
  hangUpAfterMs?: number;
}

export type DialedCallStatus = 'ringing' | 'answered' | 'ended';

/** Added: an outbound call placed through POST /v2/calls, as the sandbox's callee saw it. */
export interface DialedCall {
  callControlId: string;
  callLegId: string;
  callSessionId: string;
  from: string;
  to: string;
  /** What the next webhook of the call echoes: dial's client_state, replaced by any later command's. */
  clientState: string | null;
  status: DialedCallStatus;
  /** The `payload` of every speak and gather_using_speak, and the `greeting` of gather_using_ai, in order. */
  spoken: string[];
  /** Date.now() when the callee answered / when the call ended. */
  answeredAt?: number;
  endedAt?: number;
  hangupCause?: HangupCause;
  hangupSource?: 'caller' | 'callee' | 'unknown';
}

export interface TelnyxSandbox {
  /** e.g. http://127.0.0.1:PORT/v2 — what the SDK's baseURL takes. */
  baseUrl: string;
  /** Base64 of the 32-byte Ed25519 public key — what the SDK's publicKey takes. */
  publicKey: string;
  setWebhookUrls(urls: { voice?: string; messaging?: string }): void;
  sentMessages(): SentMessage[];
  /** Resolves with the first `count` messages (to `to`, if given); rejects after timeoutMs (default 5000). */
  waitForMessages(count: number, opts?: { to?: string; timeoutMs?: number }): Promise<SentMessage[]>;
  /** Simulates a STOP block rule: sends to this number answer 409 with error code 40300. */
  blockRecipient(to: string): void;
  /** Added: removes a block rule, as a START from that number would. */
  unblockRecipient(to: string): void;
  /** The next n sends answer this status with a Telnyx error body, before any validation. */
  failNextSends(n: number, status: 429 | 500 | 503): void;
  ringOut(call: RingOutCall): Promise<PlacedCall>;
  /** `id` is the message id (payload.id); `status` is the receiver's last answer (0: unreachable). */
  sendInboundSms(msg: InboundSms): Promise<{ id: string; status: number; eventId: string }>;
  /** Headers for a body, for tests that build their own (also tampered or stale) webhooks. */
  sign(rawBody: string, timestampSeconds?: number): Record<string, string>;
  /** One entry per delivery attempt, oldest first. */
  webhookDeliveries(): WebhookDelivery[];
  /** Added: Call Control commands received, oldest first. */
  callCommands(): CallCommand[];
  /** Added: the Call Control application id outbound calls belong to (see TelnyxSandboxOptions.connectionId). */
  connectionId: string;
  /** Added: how the person at `phone` answers outbound calls from now on. */
  scriptCallee(phone: string, script: CalleeScript): void;
  /** Added: outbound calls placed through POST /v2/calls, oldest first. */
  calls(): DialedCall[];
  /** Added: resolves with the first dialled call the predicate accepts; rejects after timeoutMs (default 5000). */
  waitForCall(predicate: (call: DialedCall) => boolean, timeoutMs?: number): Promise<DialedCall>;
  close(): Promise<void>;
}
