// Jobber's OAuth 2.0 side: access tokens that expire, refresh tokens that rotate. With Refresh Token
// Rotation on (required for Marketplace apps), each refresh returns a new refresh token and the old
// one stops working at once (developer.getjobber.com, "Refresh Token Rotation").
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseFormOrJson, readBody, sendJson } from './http-io';
import type { IssuedTokens } from './types';

// Error bodies follow RFC 6749 §5.2 with Doorkeeper's stock descriptions; Jobber's exact wording
// and statuses are unconfirmed.
const OAUTH_ERRORS = {
  invalid_client: {
    status: 401,
    description:
      'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
  },
  invalid_grant: {
    status: 400,
    description:
      'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
  },
  invalid_request: {
    status: 400,
    description:
      'The request is missing a required parameter, includes an unsupported parameter value, or is otherwise malformed.',
  },
  unsupported_grant_type: {
    status: 400,
    description: 'The authorization grant type is not supported by the authorization server.',
  },
} as const;
type OAuthError = keyof typeof OAUTH_ERRORS;

const newToken = (prefix: string) => `${prefix}_${randomBytes(24).toString('base64url')}`;

export class TokenAuthority {
  private readonly accessTokens = new Map<string, number>(); // token → expires at (ms)
  private readonly refreshTokens = new Set<string>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  issue(): IssuedTokens {
    const tokens = { accessToken: newToken('jat'), refreshToken: newToken('jrt') };
    this.accessTokens.set(tokens.accessToken, this.now() + this.ttlMs);
    this.refreshTokens.add(tokens.refreshToken);
    return tokens;
  }

  isValidAccessToken(token: string): boolean {
    const expiresAt = this.accessTokens.get(token);
    return expiresAt !== undefined && expiresAt > this.now();
  }

  /** Rotation: the refresh token used is spent whether or not the caller keeps the new pair. */
  refresh(refreshToken: string): IssuedTokens | undefined {
    if (!this.refreshTokens.delete(refreshToken)) return undefined;
    return this.issue();
  }

  expireAccessTokens(): void {
    for (const token of this.accessTokens.keys()) this.accessTokens.set(token, 0);
  }

  revokeAll(): void {
    this.accessTokens.clear();
    this.refreshTokens.clear();
  }

  get accessTokenTtlSeconds(): number {
    return Math.round(this.ttlMs / 1000);
  }
}

export interface TokenEndpointDeps {
  authority: TokenAuthority;
  clientId: string;
  clientSecret: string;
}

/** POST /api/oauth/token. Answers with the status it used and the grant type it was asked for. */
export async function handleTokenRequest(
  req: IncomingMessage,
  res: ServerResponse,
  deps: TokenEndpointDeps,
): Promise<{ status: number; grantType: string }> {
  const fields = parseFormOrJson(await readBody(req), req.headers['content-type']);
  const grantType = fields.grant_type ?? '';
  const fail = (error: OAuthError) => {
    const { status, description } = OAUTH_ERRORS[error];
    sendJson(res, status, { error, error_description: description });
    return { status, grantType };
  };
  if (req.method !== 'POST' || !grantType) return fail('invalid_request');
  if (fields.client_id !== deps.clientId || fields.client_secret !== deps.clientSecret) return fail('invalid_client');
  // The authorization-code exchange needs a browser consent step the sandbox does not model;
  // specs get their first pair from issueTokens() instead.
  if (grantType !== 'refresh_token') return fail('unsupported_grant_type');
  if (!fields.refresh_token) return fail('invalid_request');
  const tokens = deps.authority.refresh(fields.refresh_token);
  if (!tokens) return fail('invalid_grant');
  // Field names per RFC 6749 §5.1 and clients seen in the wild; whether Jobber sends expires_in and
  // token_type is unconfirmed (its access tokens are JWTs carrying their own expiry).
  sendJson(res, 200, {
    access_token: tokens.accessToken,
    refresh_token: tokens.refreshToken,
    token_type: 'bearer',
    expires_in: deps.authority.accessTokenTtlSeconds,
  });
  return { status: 200, grantType };
}
