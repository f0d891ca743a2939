// One GraphQL request to Jobber: bearer token, version header, a single refresh on 401, and every
// answer sorted into data, a retryable failure (429, 5xx, THROTTLED) or a permanent one.
import { CrmPermanentError } from '@naxio/domain';
import { CrmErrorCode } from '../crm-error-codes';
import { fetchWithTimeout, isRecord, readJson, retryAfterMs, type Fetch } from '../http';
import { RetryableCrmFailure, withRetries, type RetryPolicy, type Sleep } from '../retry-policy';
import type { JobberTokens, JobberTokenStore } from './jobber-tokens';

export interface JobberGraphqlClientOptions {
  graphqlUrl: string;
  tokenUrl: string;
  apiVersion: string;
  clientId: string;
  clientSecret: string;
  tokens: JobberTokenStore;
  fetch: Fetch;
  requestTimeoutMs: number;
  /** Rate-limit refusals (429, THROTTLED) are resent in place under this policy. */
  policy: RetryPolicy;
  sleep: Sleep;
}

interface GraphqlError {
  message?: string;
  extensions?: { code?: string };
}

export class JobberGraphqlClient {
  private refreshing: Promise<JobberTokens> | null = null;

  constructor(private readonly opts: JobberGraphqlClientOptions) {}

  request<T>(document: string, variables: Record<string, unknown>): Promise<T> {
    const resend = (failure: RetryableCrmFailure) => failure.resendable;
    return withRetries(() => this.requestOnce<T>(document, variables), this.opts.policy, this.opts.sleep, resend);
  }

  private async requestOnce<T>(document: string, variables: Record<string, unknown>): Promise<T> {
    let tokens = await this.opts.tokens.load();
    for (let refreshed = false; ; refreshed = true) {
      const response = await fetchWithTimeout(this.opts.fetch, this.opts.graphqlUrl, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${tokens.accessToken}`,
          'content-type': 'application/json',
          accept: 'application/json',
          'x-jobber-graphql-version': this.opts.apiVersion,
        },
        body: JSON.stringify({ query: document, variables }),
      }, this.opts.requestTimeoutMs);
      if (response.status !== 401) return readResult<T>(response);
      await response.body?.cancel();
      if (refreshed) throw new CrmPermanentError(CrmErrorCode.authFailed, 'Jobber refused a freshly refreshed access token');
      tokens = await this.refreshAfter(tokens);
    }
  }

  /**
   * One refresh at a time: the refresh token is single-use, so a second caller that also got a 401
   * must wait for the first refresh (or pick up what it saved) instead of spending the token again.
   */
  private async refreshAfter(rejected: JobberTokens): Promise<JobberTokens> {
    if (!this.refreshing) {
      this.refreshing = (async () => {
        const current = await this.opts.tokens.load();
        if (current.accessToken !== rejected.accessToken) return current; // refreshed meanwhile
        return this.exchange(current.refreshToken);
      })().finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  private async exchange(refreshToken: string): Promise<JobberTokens> {
    const response = await fetchWithTimeout(this.opts.fetch, this.opts.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: this.opts.clientId,
        client_secret: this.opts.clientSecret,
        refresh_token: refreshToken,
      }),
    }, this.opts.requestTimeoutMs);
    const body = await readJson(response);
    if (response.status === 429 || response.status >= 500) {
      const limited = response.status === 429;
      throw new RetryableCrmFailure(CrmErrorCode.unavailable, `Jobber's token endpoint answered ${response.status}`, retryAfterMs(response), limited);
    }
    if (!response.ok) {
      const reason = isRecord(body) ? String(body.error_description ?? body.error ?? '') : '';
      throw new CrmPermanentError(CrmErrorCode.authFailed, `Jobber refused to refresh the access token (${response.status} ${reason})`);
    }
    if (!isRecord(body) || typeof body.access_token !== 'string' || typeof body.refresh_token !== 'string') {
      throw new RetryableCrmFailure(CrmErrorCode.badResponse, "Jobber's token endpoint answered without a token pair");
    }
    const tokens = { accessToken: body.access_token, refreshToken: body.refresh_token };
    await this.opts.tokens.save(tokens); // before any use: the old refresh token is already spent
    return tokens;
  }
}

async function readResult<T>(response: Response): Promise<T> {
  const body = await readJson(response);
  if (response.status === 429) {
    throw new RetryableCrmFailure(CrmErrorCode.rateLimited, 'Jobber answered 429 Too Many Requests', retryAfterMs(response), true);
  }
  if (response.status >= 500) {
    throw new RetryableCrmFailure(CrmErrorCode.unavailable, `Jobber answered ${response.status}`, retryAfterMs(response));
  }
  if (!response.ok) {
    const code = response.status === 403 ? CrmErrorCode.authFailed : CrmErrorCode.rejected;
    throw new CrmPermanentError(code, `Jobber answered ${response.status}: ${errorMessages(body) || 'no detail'}`);
  }
  if (!isRecord(body)) throw new RetryableCrmFailure(CrmErrorCode.badResponse, 'Jobber answered 200 without a JSON body');
  const errors = Array.isArray(body.errors) ? (body.errors as GraphqlError[]) : [];
  if (errors.some((error) => error.extensions?.code === 'THROTTLED')) {
    const wait = refillWaitMs(body.extensions);
    throw new RetryableCrmFailure(CrmErrorCode.rateLimited, "Jobber's query-cost budget is spent (THROTTLED)", wait, true);
  }
  if (errors.length > 0) throw new CrmPermanentError(CrmErrorCode.rejected, `Jobber refused the request: ${errorMessages(body)}`);
  if (!isRecord(body.data)) throw new RetryableCrmFailure(CrmErrorCode.badResponse, 'Jobber answered without data');
  return body.data as T;
}

function errorMessages(body: unknown): string {
  if (!isRecord(body) || !Array.isArray(body.errors)) return '';
  return (body.errors as GraphqlError[]).map((error) => error.message ?? 'unknown error').join('; ');
}

/** How long until the bucket holds what the query asked for: (requested − available) / restoreRate. */
function refillWaitMs(extensions: unknown): number | undefined {
  const cost = isRecord(extensions) && isRecord(extensions.cost) ? extensions.cost : undefined;
  const status = cost && isRecord(cost.throttleStatus) ? cost.throttleStatus : undefined;
  const requested = Number(cost?.requestedQueryCost);
  const available = Number(status?.currentlyAvailable);
  const restoreRate = Number(status?.restoreRate);
  if (![requested, available, restoreRate].every(Number.isFinite) || restoreRate <= 0) return undefined;
  return Math.ceil((Math.max(0, requested - available) / restoreRate) * 1000);
}
