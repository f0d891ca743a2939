// Validation of a POST /v2/calls body: missing fields answer 400 (as before), then the numbers,
// the connection and the webhook URL answer 422.
import { isWebUrl } from './send-request';
import { telnyxErrors, type TelnyxErrorResponse } from './telnyx-errors';

export type MachineDetection = 'standard' | 'premium';

export interface DialRequest {
  connectionId: string;
  from: string;
  to: string;
  clientState: string | null;
  webhookUrl: string | null;
  /** Which answering-machine detection the dial asked for; null for none or 'disabled'. */
  machineDetection: MachineDetection | null;
}

export type DialRequestResult = { ok: true; request: DialRequest } | { ok: false; error: TelnyxErrorResponse };

const E164 = /^\+[1-9]\d{6,14}$/;
const STANDARD_DETECTION = new Set(['detect', 'detect_beep', 'detect_words', 'greeting_end']);

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

// `to` may be an array (simultaneous ring); the sandbox plays one callee, so only one is taken.
function singleDestination(to: unknown): unknown {
  return Array.isArray(to) && to.length === 1 ? to[0] : to;
}

function machineDetection(value: unknown): MachineDetection | null {
  if (value === 'premium') return 'premium';
  return typeof value === 'string' && STANDARD_DETECTION.has(value) ? 'standard' : null;
}

export function parseDialRequest(
  body: Record<string, unknown>,
  account: { connectionId: string; enforceConnection: boolean; ownedNumbers: ReadonlySet<string> | undefined },
): DialRequestResult {
  const fail = (error: TelnyxErrorResponse): DialRequestResult => ({ ok: false, error });
  for (const field of ['connection_id', 'to', 'from'] as const) {
    if (isBlank(body[field])) return fail(telnyxErrors.missingParameter(`/${field}`));
  }
  const { connection_id: connectionId, from } = body;
  const to = singleDestination(body.to);
  if (typeof connectionId !== 'string') return fail(telnyxErrors.missingParameter('/connection_id'));
  if (account.enforceConnection && connectionId !== account.connectionId) return fail(telnyxErrors.unknownConnection());
  if (typeof to !== 'string' || !E164.test(to)) return fail(telnyxErrors.notE164('/to'));
  if (typeof from !== 'string' || !E164.test(from)) return fail(telnyxErrors.notE164('/from'));
  if (account.ownedNumbers && !account.ownedNumbers.has(from)) return fail(telnyxErrors.callerNumberNotOwned());
  if (!isBlank(body.webhook_url) && !isWebUrl(body.webhook_url)) return fail(telnyxErrors.invalidUrl('/webhook_url'));

  return {
    ok: true,
    request: {
      connectionId,
      from,
      to,
      clientState: typeof body.client_state === 'string' && body.client_state !== '' ? body.client_state : null,
      webhookUrl: isBlank(body.webhook_url) ? null : (body.webhook_url as string),
      machineDetection: machineDetection(body.answering_machine_detection),
    },
  };
}
