// The public contract of the sandbox. Other packages depend on these shapes: add, never change.

export type InjectableStatus = 429 | 500 | 502 | 503;

export interface CostBucketOptions {
  /** Points the app/account pair can hold. Jobber's documented default (unconfirmed figure): 10 000. */
  maximumAvailable: number;
  /** Points restored per second. Jobber's documented default (unconfirmed figure): 500. */
  restoreRate: number;
}

export interface JobberSandboxOptions {
  port?: number; // default 0: a free port
  host?: string; // default 127.0.0.1
  /** The app's OAuth credentials; the token endpoint refuses anything else with invalid_client. */
  clientId: string;
  clientSecret: string;
  /** Lifetime of an access token. Jobber's are about an hour (unconfirmed); default 60 min. */
  accessTokenTtlMs?: number;
  /** The Jobber account's time zone: visit dates and times in jobCreate are wall-clock in it. Default UTC. */
  timeZone?: string;
  costBucket?: Partial<CostBucketOptions>;
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
}

export interface SandboxPhone {
  id: string;
  number: string;
  description: string;
  primary: boolean;
  smsAllowed: boolean;
}

export interface SandboxAddress {
  street1: string | null;
  street2: string | null;
  city: string | null;
  province: string | null;
  postalCode: string | null;
  country: string | null;
}

export interface SandboxClient {
  id: string;
  firstName: string;
  lastName: string;
  companyName: string | null;
  phones: SandboxPhone[];
  propertyIds: string[];
  createdAt: string;
}

export interface SandboxProperty {
  id: string;
  clientId: string;
  name: string | null;
  address: SandboxAddress;
}

export interface SandboxJob {
  id: string;
  jobNumber: number;
  clientId: string;
  propertyId: string;
  title: string | null;
  instructions: string | null;
  /** Visit start and end as instants (the wall-clock times sent, read in the account's time zone). */
  startAt: string | null;
  endAt: string | null;
  invoicing: { invoicingType: string; invoicingSchedule: string };
  notes: string[];
  createdAt: string;
}

/** One request the GraphQL or token endpoint answered, for specs to assert on. */
export interface SandboxRequest {
  endpoint: 'graphql' | 'token';
  status: number;
  /** GraphQL root fields asked for (clientCreate, jobs…); the grant type for the token endpoint. */
  operations: string[];
  /** A GraphQL request refused by the cost bucket (answered 200 with a THROTTLED error). */
  throttled: boolean;
  at: number;
}

export interface SeedClient {
  firstName: string;
  lastName: string;
  /** Stored exactly as given, like a number typed into Jobber by hand: "(512) 555-0199". */
  phone: string;
  address?: Partial<SandboxAddress>;
}

export interface JobberSandbox {
  /** Origin, e.g. http://127.0.0.1:4021 */
  baseUrl: string;
  tokenUrl: string;
  graphqlUrl: string;
  clients(): SandboxClient[];
  properties(): SandboxProperty[];
  jobs(): SandboxJob[];
  /** A client created the way a contractor would, outside the API. */
  seedClient(client: SeedClient): { clientId: string; propertyId: string | null };
  /** A fresh access + refresh pair, as the authorization-code exchange would hand out. */
  issueTokens(): IssuedTokens;
  /** Every access token issued so far stops working (401); refresh tokens still work. */
  expireAccessTokens(): void;
  /** The app was disconnected: every access and refresh token stops working. */
  revokeTokens(): void;
  /** The next `count` GraphQL requests fail with `status`, before authentication, like an edge proxy. */
  failNext(count: number, status: InjectableStatus, opts?: { retryAfterSeconds?: number }): void;
  /** Empties the query-cost bucket; it refills at restoreRate. */
  drainCostBucket(): void;
  requests(): SandboxRequest[];
  close(): Promise<void>;
}
