// The Telnyx-shaped /v2 API: messages (send, retrieve) and Call Control (dial and commands,
// played by the callee network; commands on calls it did not place are only recorded).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listActiveCalls } from './active-calls';
import { callTime } from './call-payloads';
import type { CalleeNetwork } from './callee-network';
import { parseDialRequest } from './dial-request';
import { IDEMPOTENCY_HEADER } from './idempotency';
import { parseJsonObject, readBody, sendJson } from './http-io';
import { messagePayload, outboundMessagePayload, type OutboundMessageRecord } from './message-payloads';
import type { SandboxState } from './sandbox-state';
import { parseSendRequest } from './send-request';
import { telnyxErrors, type TelnyxErrorResponse } from './telnyx-errors';

export interface ApiDeps {
  state: SandboxState;
  apiKey: string;
  profileDeliveryReceipts: boolean;
  /** Called once a message is accepted and answered; reports message.sent / message.finalized. */
  onMessageAccepted(record: OutboundMessageRecord, receiptUrl: string | undefined): void;
  /** Added: plays the callee of every accepted dial. */
  callees: CalleeNetwork;
  /** Added: dial refuses a connection_id other than the account's. */
  enforceConnectionId: boolean;
}

interface ApiAnswer {
  status: number;
  body: unknown;
}

const fromError = (error: TelnyxErrorResponse): ApiAnswer => ({ status: error.status, body: error.body });

/** Handles a request whose path starts with /v2 (the part after it is `route`). */
export async function handleApiRequest(
  req: IncomingMessage,
  res: ServerResponse,
  route: string,
  deps: ApiDeps,
): Promise<void> {
  const arrivedAt = Date.now();
  const raw = await readBody(req);
  if (req.headers.authorization !== `Bearer ${deps.apiKey}`) {
    const error = telnyxErrors.authenticationFailed();
    sendJson(res, error.status, error.body);
    return;
  }
  const query = new URL(req.url ?? '/', 'http://sandbox').searchParams;
  const answer = await routeApiRequest(req.method ?? 'GET', route, raw, arrivedAt, deps, requestHeaders(req), query);
  sendJson(res, answer.status, answer.body);
  if (answer.afterResponse) answer.afterResponse();
}

type RoutedAnswer = ApiAnswer & { afterResponse?: () => void };

async function routeApiRequest(
  method: string,
  route: string,
  raw: string,
  arrivedAt: number,
  deps: ApiDeps,
  headers: Record<string, string>,
  query: URLSearchParams,
): Promise<RoutedAnswer> {
  if (method === 'POST' && route === '/messages') return oncePerKey(method, route, raw, headers, deps, () => sendMessage(raw, arrivedAt, deps, headers));

  const retrieve = /^\/messages\/([^/]+)$/.exec(route);
  if (method === 'GET' && retrieve?.[1]) {
    const record = deps.state.message(decodeURIComponent(retrieve[1]));
    return record
      ? { status: 200, body: { data: messagePayload(record, deps.state.account) } }
      : fromError(telnyxErrors.resourceNotFound());
  }

  if (method === 'POST' && route === '/calls') return dial(raw, arrivedAt, deps);

  const action = /^\/calls\/([^/]+)\/actions\/([a-z_]+)$/.exec(route);
  if (method === 'POST' && action?.[1] && action[2]) {
    const body = parseJsonObject(raw);
    if (!body) return fromError(telnyxErrors.malformedRequest());
    const callControlId = decodeURIComponent(action[1]);
    deps.state.callCommands.push({ callControlId, action: action[2], body, receivedAt: arrivedAt });
    return deps.callees.command(callControlId, action[2], body) ?? { status: 200, body: { data: { result: 'ok' } } };
  }

  const activeCalls = /^\/connections\/([^/]+)\/active_calls$/.exec(route);
  if (method === 'GET' && activeCalls?.[1]) {
    const connectionId = decodeURIComponent(activeCalls[1]);
    if (connectionId !== deps.state.account.connectionId) return fromError(telnyxErrors.resourceNotFound());
    return listActiveCalls(deps.callees.liveCalls(connectionId), query);
  }

  return fromError(telnyxErrors.resourceNotFound());
}

/** A request that carries an Idempotency-Key runs once; its repeats get the first answer back. */
function oncePerKey(method: string, route: string, raw: string, headers: Record<string, string>, deps: ApiDeps, run: () => RoutedAnswer): RoutedAnswer {
  const check = deps.state.idempotency.check(method, route, headers[IDEMPOTENCY_HEADER], raw);
  if (check.kind === 'refused') return fromError(check.error);
  if (check.kind === 'replay') return check.answer;
  const answer = run();
  if (check.kind === 'first') check.remember({ status: answer.status, body: answer.body });
  return answer;
}

/** What a test may read back about a request: every header but the API key. */
function requestHeaders(req: IncomingMessage): Record<string, string> {
  const entries = Object.entries(req.headers).filter(([name]) => name !== 'authorization');
  return Object.fromEntries(entries.map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]));
}

function sendMessage(raw: string, arrivedAt: number, deps: ApiDeps, headers: Record<string, string>): RoutedAnswer {
  const { state } = deps;
  const injected = state.takeInjectedFailure();
  if (injected !== undefined) return fromError(telnyxErrors.injected(injected));

  const body = parseJsonObject(raw);
  if (!body) return fromError(telnyxErrors.malformedRequest());
  const parsed = parseSendRequest(body, state.ownedNumbers);
  if (!parsed.ok) return fromError(parsed.error);
  const request = parsed.request;
  // Block rules are checked after validation, like Telnyx, so a malformed send never reads as opted out.
  if (state.isBlocked(request.to)) return fromError(telnyxErrors.blockedByStopMessage(request.from, request.to));

  const record: OutboundMessageRecord = {
    direction: 'outbound',
    id: randomUUID(),
    from: request.from,
    to: request.to,
    text: request.text,
    messagingProfileId: request.messagingProfileId ?? state.account.messagingProfileId,
    webhookUrl: request.webhookUrl,
    webhookFailoverUrl: request.webhookFailoverUrl,
    status: 'queued',
    tags: [],
    receivedAt: new Date(arrivedAt),
    sentAt: null,
    completedAt: null,
  };
  state.recordSent(record, arrivedAt, headers);
  // Telnyx's URL hierarchy: the message's own URL, else the messaging profile's, else none.
  const profileUrl = request.useProfileWebhooks && deps.profileDeliveryReceipts ? state.webhookUrls.messaging : undefined;
  const receiptUrl = request.webhookUrl ?? profileUrl;
  return {
    status: 200,
    body: { data: outboundMessagePayload(record, state.account) },
    afterResponse: () => deps.onMessageAccepted(record, receiptUrl),
  };
}

function dial(raw: string, arrivedAt: number, deps: ApiDeps): RoutedAnswer {
  const body = parseJsonObject(raw);
  if (!body) return fromError(telnyxErrors.malformedRequest());
  const { state } = deps;
  const parsed = parseDialRequest(body, {
    connectionId: state.account.connectionId,
    enforceConnection: deps.enforceConnectionId,
    ownedNumbers: state.ownedNumbers,
  });
  if (!parsed.ok) return fromError(parsed.error);
  const { call, start } = deps.callees.place(parsed.request);
  const { leg } = call;
  state.callCommands.push({ callControlId: leg.callControlId, action: 'dial', body, receivedAt: arrivedAt });
  const data: Record<string, unknown> = {
    call_control_id: leg.callControlId,
    call_leg_id: leg.callLegId,
    call_session_id: leg.callSessionId,
    // Dialling is asynchronous: the call is not alive until the far end answers.
    is_alive: false,
    record_type: 'call',
    start_time: callTime(leg.startTime),
  };
  if (call.clientState !== null) data.client_state = call.clientState;
  return { status: 200, body: { data }, afterResponse: start };
}
