// The HTTP plumbing both adapters share: a fetch that cannot hang, Retry-After, tolerant JSON.
import { CrmErrorCode } from './crm-error-codes';
import { RetryableCrmFailure } from './retry-policy';

export type Fetch = typeof fetch;

export async function fetchWithTimeout(fetchImpl: Fetch, url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  try {
    return await fetchImpl(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    // Whether the vendor saw the request is unknown; the retried sync searches before it creates.
    throw new RetryableCrmFailure(CrmErrorCode.network, `no answer from ${new URL(url).host}: ${String(error)}`);
  }
}

/** Retry-After in seconds or as an HTTP date (RFC 9110 §10.2.3), as milliseconds from now. */
export function retryAfterMs(response: Response, now: number = Date.now()): number | undefined {
  const header = response.headers.get('retry-after');
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The body as JSON, or undefined when it is empty or not JSON (proxies answer in HTML or text). */
export async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
