import { z } from 'zod';

/**
 * Our own outbound calls carry a base64 JSON client_state that Telnyx echoes on every webhook of the
 * call; it ties the webhook to its lead and says which flow the call belongs to.
 */
const callState = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('owner-alert'), leadId: z.string().min(1).max(200) }),
  z.object({ kind: z.literal('callback'), leadId: z.string().min(1).max(200), attemptId: z.string().min(1).max(300) }),
]);

export type CallState = z.infer<typeof callState>;

export function decodeCallState(clientState: unknown): CallState | null {
  if (typeof clientState !== 'string' || clientState.length === 0 || clientState.length > 4096) return null;
  try {
    const parsed = callState.safeParse(JSON.parse(Buffer.from(clientState, 'base64').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
