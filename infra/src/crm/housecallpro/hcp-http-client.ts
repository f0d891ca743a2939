// One request to Housecall Pro's REST API, its answer sorted into a body, a retryable failure
// (429 with Retry-After, 5xx, no answer) or a permanent one (bad key, refused data).
import { CrmPermanentError } from '@naxio/domain';
import { CrmErrorCode } from '../crm-error-codes';
import { fetchWithTimeout, isRecord, readJson, retryAfterMs, type Fetch } from '../http';
import { RetryableCrmFailure, withRetries, type RetryPolicy, type Sleep } from '../retry-policy';

export interface HcpHttpClientOptions {
  baseUrl: string;
  apiKey: string;
  /** API keys are sent as "Token <key>"; OAuth apps use "Bearer <token>". */
  authScheme: 'Token' | 'Bearer';
  fetch: Fetch;
  requestTimeoutMs: number;
  /** 429s are resent in place under this policy, after the Retry-After they carry. */
  policy: RetryPolicy;
  sleep: Sleep;
}

export class HcpHttpClient {
  constructor(private readonly opts: HcpHttpClientOptions) {}

  get<T>(path: string, query: Record<string, string | number>): Promise<T> {
    const params = new URLSearchParams(Object.entries(query).map(([key, value]): [string, string] => [key, String(value)]));
    return this.send<T>('GET', `${path}?${params}`);
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('POST', path, body);
  }

  private send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const resend = (failure: RetryableCrmFailure) => failure.resendable;
    return withRetries(() => this.sendOnce<T>(method, path, body), this.opts.policy, this.opts.sleep, resend);
  }

  private async sendOnce<T>(method: string, path: string, body?: unknown): Promise<T> {
    const url = `${this.opts.baseUrl}${path}`;
    const response = await fetchWithTimeout(this.opts.fetch, url, {
      method,
      headers: {
        authorization: `${this.opts.authScheme} ${this.opts.apiKey}`,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }, this.opts.requestTimeoutMs);
    const parsed = await readJson(response);
    const what = `Housecall Pro ${method} ${path.split('?')[0]}`;
    if (response.status === 429) {
      throw new RetryableCrmFailure(CrmErrorCode.rateLimited, `${what} answered 429`, retryAfterMs(response), true);
    }
    if (response.status >= 500) {
      throw new RetryableCrmFailure(CrmErrorCode.unavailable, `${what} answered ${response.status}`, retryAfterMs(response));
    }
    if (response.status === 401 || response.status === 403) {
      throw new CrmPermanentError(CrmErrorCode.authFailed, `${what} refused the API key (${response.status})`);
    }
    if (!response.ok) {
      throw new CrmPermanentError(CrmErrorCode.rejected, `${what} answered ${response.status}: ${detail(parsed)}`);
    }
    if (!isRecord(parsed)) throw new RetryableCrmFailure(CrmErrorCode.badResponse, `${what} answered ${response.status} without JSON`);
    return parsed as T;
  }
}

// Housecall Pro's error body format is unconfirmed: take a message wherever one is found.
function detail(body: unknown): string {
  if (!isRecord(body)) return 'no detail';
  const message = body.message ?? body.error ?? body.errors;
  return typeof message === 'string' ? message : JSON.stringify(message ?? body);
}
