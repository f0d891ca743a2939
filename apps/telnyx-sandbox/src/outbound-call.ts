// One outbound call as the sandbox's callee plays it: its state, what was said on it, and its
// webhooks, delivered one at a time in the order they happened (each awaited, with retries).
import { callTime, type CallLeg } from './call-payloads';
import type { DialRequest } from './dial-request';
import { outboundHangupPayload, type HangupSource } from './outbound-call-payloads';
import type { CalleeScript, DialedCall, DialedCallStatus, HangupCause } from './types';
import { newWebhookEvent, type WebhookEvent } from './webhook-delivery';

export type GatherAnswer = Record<string, unknown> | { hangUp: true };

export interface OutboundCallWiring {
  /** Delivers one webhook of this call; resolves when its delivery (with retries) is over. */
  send(event: WebhookEvent): Promise<unknown>;
  /** Background work that close() waits for. */
  track(work: Promise<unknown>): void;
  /** Told after every change of state, for waitForCall. */
  changed(): void;
}

export function isHangUp(answer: GatherAnswer): answer is { hangUp: true } {
  return (answer as { hangUp?: unknown }).hangUp === true;
}

export class OutboundCall {
  status: DialedCallStatus = 'ringing';
  /** What the next webhook echoes: dial's client_state until a command brings its own. */
  clientState: string | null;
  readonly spoken: string[] = [];
  private answeredAt: number | undefined;
  private endedAt: number | undefined;
  private hangup: { cause: HangupCause; source: HangupSource } | undefined;
  private readonly gatherAnswers: GatherAnswer[];
  private deliveries: Promise<unknown> = Promise.resolve();

  constructor(
    readonly leg: CallLeg,
    readonly request: DialRequest,
    readonly script: CalleeScript,
    private readonly wiring: OutboundCallWiring,
  ) {
    this.clientState = request.clientState;
    this.gatherAnswers = [...(script.gatherResults ?? [])];
  }

  /**
   * Queues a webhook whose payload was built now, so it carries this moment's client_state. It
   * leaves no sooner than the next turn of the event loop, so the API answer to the command that
   * caused it is written first.
   */
  emit(eventType: string, payload: Record<string, unknown>, at = new Date()): void {
    const event = newWebhookEvent(eventType, payload, callTime(at));
    this.deliveries = this.deliveries
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() => this.wiring.send(event))
      // A failed delivery is an outcome (logged in webhookDeliveries), never a reason to stop the queue.
      .then(
        () => undefined,
        () => undefined,
      );
    this.wiring.track(this.deliveries);
  }

  /** The callee's answer to the next gather; undefined when the script has none left. */
  nextGatherAnswer(): GatherAnswer | undefined {
    return this.gatherAnswers.shift();
  }

  /** Read through a method so a check after an await is not narrowed by one made before it. */
  isAnswered(): boolean {
    return this.status === 'answered';
  }

  markAnswered(): void {
    this.status = 'answered';
    this.answeredAt = Date.now();
    this.wiring.changed();
  }

  /** Ends the call and queues call.hangup; false (and nothing sent) if it had already ended. */
  end(cause: HangupCause, source: HangupSource): boolean {
    if (this.status === 'ended') return false;
    const endTime = new Date();
    this.status = 'ended';
    this.endedAt = endTime.getTime();
    this.hangup = { cause, source };
    this.emit('call.hangup', outboundHangupPayload(this.leg, this.clientState, { cause, source, endTime }), endTime);
    this.wiring.changed();
    return true;
  }

  /** A command that carries client_state replaces the call's for every later webhook. */
  adoptClientState(clientState: unknown): void {
    if (typeof clientState !== 'string' || clientState === '') return;
    this.clientState = clientState;
    this.wiring.changed();
  }

  noteSpoken(text: string): void {
    this.spoken.push(text);
    this.wiring.changed();
  }

  view(): DialedCall {
    const view: DialedCall = {
      callControlId: this.leg.callControlId,
      callLegId: this.leg.callLegId,
      callSessionId: this.leg.callSessionId,
      from: this.leg.from,
      to: this.leg.to,
      clientState: this.clientState,
      status: this.status,
      spoken: [...this.spoken],
    };
    if (this.answeredAt !== undefined) view.answeredAt = this.answeredAt;
    if (this.endedAt !== undefined) view.endedAt = this.endedAt;
    if (this.hangup) {
      view.hangupCause = this.hangup.cause;
      view.hangupSource = this.hangup.source;
    }
    return view;
  }
}
