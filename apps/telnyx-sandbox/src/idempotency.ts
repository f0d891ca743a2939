// Telnyx's Idempotency-Key contract (developers.telnyx.com, API fundamentals → Idempotency): a key
// names one logical request per organization, method and path; a successful answer is replayed for
// 24 hours; the same key with a different body (byte for byte) is refused with 422 while the record
// lives; failures are not remembered, so a retry after one is a new attempt.
import { telnyxErrors, type TelnyxErrorResponse } from './telnyx-errors';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[A-Za-z0-9_:-]{1,255}$/;
const REPLAY_MS = 24 * 60 * 60 * 1000;

export type Answer = { status: number; body: unknown };
type Stored = { raw: string; answer: Answer; at: number };

export type IdempotencyCheck =
  | { kind: 'none' }
  | { kind: 'refused'; error: TelnyxErrorResponse }
  | { kind: 'replay'; answer: Answer }
  | { kind: 'first'; remember(answer: Answer): void };

export class IdempotencyRecords {
  private readonly records = new Map<string, Stored>();

  check(method: string, route: string, key: string | undefined, raw: string, now = Date.now()): IdempotencyCheck {
    if (key === undefined) return { kind: 'none' };
    if (!KEY_PATTERN.test(key)) return { kind: 'refused', error: telnyxErrors.invalidIdempotencyKey() };
    const name = `${method} ${route} ${key}`;
    const stored = this.records.get(name);
    if (stored && now - stored.at < REPLAY_MS) {
      if (stored.raw !== raw) return { kind: 'refused', error: telnyxErrors.idempotencyKeyReused() };
      return { kind: 'replay', answer: stored.answer };
    }
    return {
      kind: 'first',
      remember: (answer) => {
        if (answer.status >= 200 && answer.status < 300) this.records.set(name, { raw, answer, at: now });
      },
    };
  }
}
