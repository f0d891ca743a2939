// Wires the sandbox together and listens. Only this file knows about the HTTP server's lifetime.
import { listenOn } from '@naxio/sandbox-kit';
import { setMaxListeners } from 'node:events';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { handleApiRequest, type ApiDeps } from './api';
import { CalleeNetwork } from './callee-network';
import { waitForCall } from './call-waiter';
import { handleControlRequest } from './control-api';
import { sendJson } from './http-io';
import { waitForMessages } from './message-waiter';
import { PhoneNetwork } from './phone-network';
import { SandboxState } from './sandbox-state';
import { createWebhookSigner } from './signing';
import { telnyxErrors } from './telnyx-errors';
import type { TelnyxSandbox, TelnyxSandboxOptions } from './types';
import { DEFAULT_RETRY_POLICY, WebhookDeliverer } from './webhook-delivery';

// Receipts follow the API answer closely but not synchronously, as a carrier's would.
const RECEIPT_DELAY_MS = 5;

export async function startTelnyxSandbox(opts: TelnyxSandboxOptions): Promise<TelnyxSandbox> {
  if (!opts.apiKey) throw new Error('startTelnyxSandbox needs an apiKey');
  const signer = createWebhookSigner();
  const state = new SandboxState(opts.ownedNumbers ? new Set(opts.ownedNumbers) : undefined);
  if (opts.voiceWebhookUrl) state.webhookUrls.voice = opts.voiceWebhookUrl;
  if (opts.messagingWebhookUrl) state.webhookUrls.messaging = opts.messagingWebhookUrl;
  if (opts.connectionId) state.account.connectionId = opts.connectionId;

  const closing = new AbortController();
  // Every delivery waiting out a backoff listens for the close: thousands at once in a storm.
  setMaxListeners(0, closing.signal);
  const background = new Set<Promise<unknown>>();
  // Background work (request handling, receipts) that close() waits for; its failures are
  // already answered or, for receipts, ignored, so settle quietly.
  const track = (work: Promise<unknown>) => {
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    background.add(settled);
    void settled.then(() => background.delete(settled));
  };
  const retryPolicy = { ...DEFAULT_RETRY_POLICY, ...opts.webhookRetry };
  const deliverer = new WebhookDeliverer(signer, retryPolicy, state.deliveries, closing.signal);
  const network = new PhoneNetwork(state, deliverer, closing.signal, opts.honorOptOutKeywords !== false);
  const callees = new CalleeNetwork({ state, deliverer, closing: closing.signal, track });

  const apiDeps: ApiDeps = {
    state,
    apiKey: opts.apiKey,
    profileDeliveryReceipts: opts.profileDeliveryReceipts !== false,
    onMessageAccepted: (record, receiptUrl) => {
      track(
        new Promise<void>((resolve) => setTimeout(resolve, RECEIPT_DELAY_MS)).then(() =>
          closing.signal.aborted ? undefined : network.reportDelivery(record, receiptUrl),
        ),
      );
    },
    callees,
    enforceConnectionId: Boolean(opts.connectionId),
  };

  const server = http.createServer((req, res) => {
    track(route(req, res).catch((error: unknown) => answerCrash(res, error)));
  });
  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://sandbox').pathname;
    if (path === '/v2' || path.startsWith('/v2/')) return handleApiRequest(req, res, path.slice(3), apiDeps);
    if (path.startsWith('/sandbox/')) return handleControlRequest(req, res, path.slice(8), { state, network, callees });
    const notFound = telnyxErrors.resourceNotFound();
    sendJson(res, notFound.status, notFound.body);
  }

  const origin = await listenOn(server, opts.port, opts.host);

  return {
    baseUrl: `${origin}/v2`,
    publicKey: signer.publicKey,
    setWebhookUrls(urls) {
      if (urls.voice !== undefined) state.webhookUrls.voice = urls.voice;
      if (urls.messaging !== undefined) state.webhookUrls.messaging = urls.messaging;
    },
    sentMessages: () => state.sentMessages(),
    waitForMessages: (count, waitOpts) => waitForMessages(state, count, waitOpts, closing.signal),
    blockRecipient: (to) => state.block(to),
    unblockRecipient: (to) => state.unblock(to),
    failNextSends: (n, status) => state.injectFailures(n, status),
    ringOut: (call) => network.ringOut(call),
    sendInboundSms: (sms) => network.sendInboundSms(sms),
    sign: (rawBody, timestampSeconds) => signer.sign(rawBody, timestampSeconds),
    webhookDeliveries: () => state.deliveries.map((delivery) => ({ ...delivery })),
    callCommands: () => state.callCommands.map((command) => ({ ...command })),
    connectionId: state.account.connectionId,
    scriptCallee: (phone, script) => {
      callees.scriptCallee(phone, script);
    },
    calls: () => callees.calls(),
    waitForCall: (predicate, timeoutMs) => waitForCall(callees, predicate, timeoutMs, closing.signal),
    async close() {
      if (closing.signal.aborted) return;
      closing.abort(); // ends retries, pauses and in-flight webhook requests
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await Promise.allSettled([...background]);
    },
  };
}

function answerCrash(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, 500, { errors: [{ code: '10007', title: 'Unexpected error', detail: String(error) }] });
}
