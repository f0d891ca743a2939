import { z } from 'zod';
import type { TelnyxWebhookVerifier } from '@naxio/infra';
import { IngressError } from '../errors';

/** Telnyx wraps every webhook the same way; `data.id` is stable across Telnyx's retries. */
export const telnyxEnvelope = z.object({
  data: z.object({
    record_type: z.literal('event'),
    event_type: z.string().min(1).max(100),
    id: z.string().min(1).max(100),
    occurred_at: z.string().datetime({ offset: true }),
    payload: z.record(z.string(), z.unknown()),
  }),
  meta: z.object({ attempt: z.number().int().optional(), delivered_to: z.string().optional() }).optional(),
});

export type TelnyxEnvelope = z.infer<typeof telnyxEnvelope>;

export const e164 = z.string().regex(/^\+[1-9]\d{7,14}$/);

const flatten = (headers: Record<string, string | string[] | undefined>) =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? '') : (v ?? '')]));

/**
 * Signature first (over the exact bytes received, `timestamp|body`, within 300 s, with the SDK's
 * verdicts), then JSON, then shape: an unsigned body is refused before we read a byte of it.
 */
export async function verifiedEnvelope(
  verifier: TelnyxWebhookVerifier,
  rawBody: Buffer | undefined,
  headers: Record<string, string | string[] | undefined>,
): Promise<TelnyxEnvelope> {
  // No content-type and no body leaves Fastify with nothing to parse: that is an empty body, not a crash.
  const body = (rawBody ?? Buffer.alloc(0)).toString('utf8');
  let json: unknown;
  try {
    // unwrap verifies first, then parses: a SyntaxError means the signature was good.
    json = await verifier.unwrap(body, flatten(headers));
  } catch (error) {
    if (error instanceof SyntaxError) throw new IngressError('malformed_json', 'webhook body is not valid JSON');
    throw new IngressError('invalid_signature', `webhook signature rejected: ${(error as Error).message}`);
  }
  return parseOrThrow(telnyxEnvelope, json, 'webhook envelope');
}

export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new IngressError('invalid_webhook', `${what} is not as Telnyx sends it: ${problems.slice(0, 5).join('; ')}`);
}
