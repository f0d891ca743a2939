// A small control API so a separately running demo can drive the sandbox over HTTP.
// Not a Telnyx API: plain JSON, no auth (the sandbox binds to 127.0.0.1 by default).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CalleeNetwork } from './callee-network';
import { parseJsonObject, readBody, sendJson } from './http-io';
import type { PhoneNetwork } from './phone-network';
import type { SandboxState } from './sandbox-state';
import type { HangupCause, InboundSms, RingOutCall } from './types';

const HANGUP_CAUSES: readonly HangupCause[] = ['timeout', 'no_answer', 'originator_cancel', 'user_busy', 'normal_clearing'];
const INJECTABLE_STATUSES = [429, 500, 503] as const;

export interface ControlDeps {
  state: SandboxState;
  network: PhoneNetwork;
  /** Added: callee scripts and the outbound calls placed through POST /v2/calls. */
  callees?: CalleeNetwork;
}

/** Handles a request whose path starts with /sandbox (the part after it is `route`). */
export async function handleControlRequest(
  req: IncomingMessage,
  res: ServerResponse,
  route: string,
  deps: ControlDeps,
): Promise<void> {
  const body = parseJsonObject(await readBody(req));
  if (!body) return sendJson(res, 400, { error: 'body must be a JSON object' });
  const method = req.method ?? 'GET';
  try {
    if (method === 'GET' && route === '/messages') return sendJson(res, 200, { data: deps.state.sentMessages() });
    if (method === 'GET' && route === '/webhook-deliveries') return sendJson(res, 200, { data: deps.state.deliveries });
    if (method === 'GET' && route === '/call-commands') return sendJson(res, 200, { data: deps.state.callCommands });
    if (deps.callees && method === 'GET' && route === '/dialed-calls') return sendJson(res, 200, { data: deps.callees.calls() });
    if (deps.callees && method === 'POST' && route === '/callees') {
      // { phone, ...script }: how the person at `phone` answers outbound calls from now on.
      const { phone: _phone, ...script } = body;
      const phone = requiredString(body, 'phone');
      return sendJson(res, 200, { phone, script: deps.callees.scriptCallee(phone, script) });
    }
    if (method === 'POST' && route === '/calls') return sendJson(res, 200, await deps.network.ringOut(ringOutCall(body)));
    if (method === 'POST' && route === '/sms') return sendJson(res, 200, await deps.network.sendInboundSms(inboundSms(body)));
    if (method === 'POST' && route === '/blocks') {
      deps.state.block(requiredString(body, 'to'));
      return sendJson(res, 200, { blocked: body.to });
    }
    if (method === 'POST' && route === '/failures') {
      const status = INJECTABLE_STATUSES.find((allowed) => allowed === body.status);
      if (status === undefined || typeof body.count !== 'number') throw new Error('need {count, status: 429|500|503}');
      deps.state.injectFailures(body.count, status);
      return sendJson(res, 200, { count: body.count, status });
    }
    return sendJson(res, 404, { error: `no sandbox route ${method} /sandbox${route}` });
  } catch (error) {
    return sendJson(res, 400, { error: error instanceof Error ? error.message : String(error) });
  }
}

function requiredString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value === '') throw new Error(`\`${field}\` must be a non-empty string`);
  return value;
}

function ringOutCall(body: Record<string, unknown>): RingOutCall {
  const call: RingOutCall = { from: requiredString(body, 'from'), to: requiredString(body, 'to') };
  if (body.hangupCause !== undefined) {
    const cause = HANGUP_CAUSES.find((known) => known === body.hangupCause);
    if (!cause) throw new Error(`\`hangupCause\` must be one of ${HANGUP_CAUSES.join(', ')}`);
    call.hangupCause = cause;
  }
  if (body.answered !== undefined) call.answered = body.answered === true;
  if (typeof body.ringMs === 'number') call.ringMs = body.ringMs;
  return call;
}

function inboundSms(body: Record<string, unknown>): InboundSms {
  return { from: requiredString(body, 'from'), to: requiredString(body, 'to'), text: requiredString(body, 'text') };
}
