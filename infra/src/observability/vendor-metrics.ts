import { vendorRequests, vendorRequestSeconds } from './metrics';

export type VendorOutcome = 'ok' | 'timeout' | 'connection' | 'throttled' | 'client_error' | 'server_error' | 'error';

/**
 * The official SDKs (Telnyx, Anthropic) throw errors of one family: an HTTP answer carries `status`,
 * and the connection errors are told apart by name.
 */
export function vendorOutcomeOf(error: unknown): VendorOutcome {
  const { name, status } = (error ?? {}) as { name?: unknown; status?: unknown };
  if (typeof status === 'number') return status === 429 ? 'throttled' : status >= 500 ? 'server_error' : 'client_error';
  if (typeof name !== 'string') return 'error';
  if (/timeout/i.test(name)) return 'timeout';
  return /connection/i.test(name) ? 'connection' : 'error';
}

/** Times one vendor request and counts its outcome; the call's answer or error passes through untouched. */
export async function timeVendorCall<T>(vendor: string, operation: string, call: () => Promise<T>): Promise<T> {
  const stop = vendorRequestSeconds.startTimer({ vendor, operation });
  try {
    const answer = await call();
    vendorRequests.inc({ vendor, operation, outcome: 'ok' });
    return answer;
  } catch (error) {
    vendorRequests.inc({ vendor, operation, outcome: vendorOutcomeOf(error) });
    throw error;
  } finally {
    stop();
  }
}
