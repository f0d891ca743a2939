import { createHash, createHmac } from 'node:crypto';

// RFC 4122 name-based (v5) ids: the same name always gives the same id, which is what makes a
// retried webhook or a redelivered message append nothing new.
const NAXIO_NAMESPACE = Buffer.from('6f1c2a4e9b7d4c1aa3e5f0b2c8d9e711', 'hex');

export function uuidV5(name: string): string {
  const hash = createHash('sha1').update(NAXIO_NAMESPACE).update(name).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const eventIdFor = (commandId: string, index: number) => uuidV5(`${commandId}#${index}`);

/**
 * A lead is one caller at one contractor, so its stream id derives from both. The phone number is
 * keyed-hashed, not written out: stream ids are never erased, personal data must be erasable.
 */
export function leadStreamId(tenantId: string, callerPhone: string, secret = process.env.NAXIO_LEAD_KEY ?? 'naxio-lead-key'): string {
  const digest = createHmac('sha256', secret).update(`${tenantId}\n${callerPhone}`).digest('hex').slice(0, 24);
  return `lead-${tenantId}-${digest}`;
}
