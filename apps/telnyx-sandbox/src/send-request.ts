// Validation of a POST /v2/messages body, in the order and with the errors Telnyx uses.
import { telnyxErrors, type TelnyxErrorResponse } from './telnyx-errors';

export interface SendRequest {
  from: string;
  to: string;
  text: string;
  messagingProfileId: string | undefined;
  webhookUrl: string | null;
  webhookFailoverUrl: string | null;
  useProfileWebhooks: boolean;
}

export type SendRequestResult = { ok: true; request: SendRequest } | { ok: false; error: TelnyxErrorResponse };

const E164 = /^\+[1-9]\d{6,14}$/;
const SHORT_CODE = /^\d{5,6}$/;
const MAX_URL_LENGTH = 2000;

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

export function isWebUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > MAX_URL_LENGTH) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

// Telnyx takes `to` as a string or an array of exactly one ("multi-destination is not supported").
function singleRecipient(to: unknown): unknown {
  return Array.isArray(to) && to.length === 1 ? to[0] : to;
}

export function parseSendRequest(
  body: Record<string, unknown>,
  ownedNumbers: ReadonlySet<string> | undefined,
): SendRequestResult {
  const fail = (error: TelnyxErrorResponse): SendRequestResult => ({ ok: false, error });

  if (isBlank(body.to)) return fail(telnyxErrors.missingParameter('/to'));
  const to = singleRecipient(body.to);
  if (typeof to !== 'string' || !(E164.test(to) || SHORT_CODE.test(to))) return fail(telnyxErrors.invalidToAddress());

  const profileId = typeof body.messaging_profile_id === 'string' ? body.messaging_profile_id : undefined;
  // Without `from`, a number-pool send lets the profile pick one of its numbers.
  const pooledFrom = profileId !== undefined && ownedNumbers ? [...ownedNumbers][0] : undefined;
  const from = isBlank(body.from) ? pooledFrom : body.from;
  if (from === undefined) return fail(telnyxErrors.missingParameter('/from'));
  if (typeof from !== 'string' || !E164.test(from) || (ownedNumbers && !ownedNumbers.has(from))) {
    return fail(telnyxErrors.invalidFromAddress());
  }

  if (typeof body.text !== 'string' || body.text.length === 0) return fail(telnyxErrors.missingParameter('/text'));

  for (const field of ['webhook_url', 'webhook_failover_url'] as const) {
    if (!isBlank(body[field]) && !isWebUrl(body[field])) return fail(telnyxErrors.invalidUrl(`/${field}`));
  }

  return {
    ok: true,
    request: {
      from,
      to,
      text: body.text,
      messagingProfileId: profileId,
      webhookUrl: isBlank(body.webhook_url) ? null : (body.webhook_url as string),
      webhookFailoverUrl: isBlank(body.webhook_failover_url) ? null : (body.webhook_failover_url as string),
      useProfileWebhooks: body.use_profile_webhooks !== false,
    },
  };
}
