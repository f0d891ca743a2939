// The far end of outbound Call Control calls: places each accepted dial with the callee scripted
// for its `to` number, plays it, and applies the commands the app sends while it lasts.
import { newCallLeg } from './call-payloads';
import { commandOnCall, type CommandAnswer } from './call-commands';
import { DEFAULT_CALLEE_SCRIPT, parseCalleeScript } from './callee-script';
import { playCallee } from './callee-playback';
import type { DialRequest } from './dial-request';
import { OutboundCall } from './outbound-call';
import type { SandboxState } from './sandbox-state';
import type { CalleeScript, DialedCall } from './types';
import type { WebhookDeliverer } from './webhook-delivery';

export interface CalleeNetworkDeps {
  state: SandboxState;
  deliverer: WebhookDeliverer;
  closing: AbortSignal;
  /** Background work that close() waits for. */
  track(work: Promise<unknown>): void;
}

export class CalleeNetwork {
  private readonly callsById = new Map<string, OutboundCall>();
  private readonly scripts = new Map<string, CalleeScript>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly deps: CalleeNetworkDeps) {}

  /** Validates the script (it may come from JSON) and keeps a copy; returns that copy. */
  scriptCallee(phone: string, script: unknown): CalleeScript {
    if (typeof phone !== 'string' || phone === '') throw new Error('scriptCallee needs the phone number the script is for');
    const parsed = parseCalleeScript(script);
    this.scripts.set(phone, parsed);
    return { ...parsed };
  }

  /** Records an accepted dial; `start` (called once the API answer is written) sets the callee ringing. */
  place(request: DialRequest): { call: OutboundCall; start: () => void } {
    const leg = newCallLeg(request.from, request.to, request.connectionId);
    // Telnyx's hierarchy: the dial's own webhook_url, else the connection's (the voice URL).
    const url = request.webhookUrl ?? this.deps.state.webhookUrls.voice;
    const call = new OutboundCall(leg, request, this.scripts.get(request.to) ?? DEFAULT_CALLEE_SCRIPT, {
      send: (event) => (url ? this.deps.deliverer.deliver(url, event) : Promise.resolve()),
      track: (work) => this.deps.track(work),
      changed: () => this.notify(),
    });
    this.callsById.set(leg.callControlId, call);
    this.notify();
    return { call, start: () => this.deps.track(playCallee(call, this.deps.closing)) };
  }

  /** The answer to a command on a call this network placed; undefined for any other call id. */
  command(callControlId: string, action: string, body: Record<string, unknown>): CommandAnswer | undefined {
    const call = this.callsById.get(callControlId);
    return call ? commandOnCall(call, action, body) : undefined;
  }

  /** The calls placed on `connectionId` that have not ended, oldest first. */
  liveCalls(connectionId: string): OutboundCall[] {
    return [...this.callsById.values()].filter((call) => call.leg.connectionId === connectionId && call.status !== 'ended');
  }

  calls(): DialedCall[] {
    return [...this.callsById.values()].map((call) => call.view());
  }

  /** Calls `listener` after every change to any call until the returned function is called. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
