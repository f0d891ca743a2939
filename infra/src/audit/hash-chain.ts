import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every depth: the same event always hashes the same, whoever stored it. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export type HashedContent = {
  eventId: string;
  streamId: string;
  streamVersion: number;
  type: string;
  data: unknown;
  metadata: unknown;
};

/** sha256 over the previous event's hash and this event's canonical content; the first links to "". */
export function eventHash(previousHash: string | null, event: HashedContent): string {
  return createHash('sha256')
    .update(previousHash ?? '')
    .update('\n')
    .update(canonicalJson([event.eventId, event.streamId, event.streamVersion, event.type, event.data, event.metadata]))
    .digest('hex');
}
