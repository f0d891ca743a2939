import { createHmac } from 'node:crypto';

/**
 * A lead is one caller at one contractor, so its stream id derives from both. The phone number is
 * keyed-hashed, not written out: stream ids are never erased, personal data must be erasable.
 */
export function leadStreamId(tenantId: string, callerPhone: string, secret = process.env.NAXIO_LEAD_KEY ?? 'naxio-lead-key'): string {
  const digest = createHmac('sha256', secret).update(`${tenantId}\n${callerPhone}`).digest('hex').slice(0, 24);
  return `lead-${tenantId}-${digest}`;
}
