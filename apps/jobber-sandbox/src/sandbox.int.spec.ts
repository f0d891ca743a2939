// The sandbox over plain HTTP, as any Jobber client would meet it.
import { startJobberSandbox, type JobberSandbox } from './index';

const CLIENT_ID = 'app-client-id';
const CLIENT_SECRET = 'app-client-secret';
const VERSION = '2025-04-16';

async function gql(
  sandbox: JobberSandbox,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any }> {
  const response = await fetch(sandbox.graphqlUrl, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-jobber-graphql-version': VERSION, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, body: text.startsWith('{') ? JSON.parse(text) : text };
}

async function refresh(sandbox: JobberSandbox, refreshToken: string, secret = CLIENT_SECRET) {
  const response = await fetch(sandbox.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', client_id: CLIENT_ID, client_secret: secret, refresh_token: refreshToken }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

const CREATE_CLIENT = `mutation Create($input: ClientCreateInput!) {
  clientCreate(input: $input) { client { id name phones { number } } userErrors { message path } }
}`;

describe('jobber sandbox over HTTP', () => {
  let sandbox: JobberSandbox;
  let token: string;

  beforeEach(async () => {
    sandbox = await startJobberSandbox({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, costBucket: { maximumAvailable: 1000, restoreRate: 10 } });
    token = sandbox.issueTokens().accessToken;
  });
  afterEach(() => sandbox.close());

  it('rotates refresh tokens: a new pair each time, the spent one refused, a wrong secret refused', async () => {
    const first = sandbox.issueTokens();
    const rotated = await refresh(sandbox, first.refreshToken);
    expect(rotated.status).toBe(200);
    expect(rotated.body.refresh_token).not.toBe(first.refreshToken);
    expect((await gql(sandbox, rotated.body.access_token as string, '{ clients { totalCount } }')).status).toBe(200);
    expect(await refresh(sandbox, first.refreshToken)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(await refresh(sandbox, rotated.body.refresh_token as string, 'wrong')).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
  });

  it('answers 401 to a missing, unknown or expired token, and 400 without the version header', async () => {
    expect((await gql(sandbox, 'nope', '{ clients { totalCount } }')).status).toBe(401);
    expect((await gql(sandbox, token, '{ clients { totalCount } }', {}, { 'x-jobber-graphql-version': '' })).status).toBe(400);
    sandbox.expireAccessTokens();
    expect((await gql(sandbox, token, '{ clients { totalCount } }')).status).toBe(401);
  });

  it('creates a client and finds it by phone however the number is typed, returning only what was selected', async () => {
    const created = await gql(sandbox, token, CREATE_CLIENT, { input: { firstName: 'Dana', lastName: 'Reyes', phones: [{ number: '(512) 555-0199', primary: true }] } });
    expect(created.body.data.clientCreate).toMatchObject({ client: { name: 'Dana Reyes', phones: [{ number: '(512) 555-0199' }] }, userErrors: [] });
    expect(Buffer.from(created.body.data.clientCreate.client.id as string, 'base64').toString()).toMatch(/^gid:\/\/Jobber\/Client\/\d+$/);
    expect(created.body.extensions.cost).toMatchObject({ requestedQueryCost: expect.any(Number), throttleStatus: { maximumAvailable: 1000, restoreRate: 10 } });

    const found = await gql(sandbox, token, 'query F($p: String!) { clients(searchTerm: $p, searchFields: [PHONES], first: 5) { nodes { id } } }', { p: '+15125550199' });
    expect(found.body.data.clients.nodes).toEqual([{ id: created.body.data.clientCreate.client.id }]);
  });

  it('validates like graphql-ruby: unknown fields, bad variables, and userErrors for refused data', async () => {
    const unknown = await gql(sandbox, token, '{ clients { nodes { id shoeSize } } }');
    expect(unknown.body.errors[0]).toMatchObject({ message: "Field 'shoeSize' doesn't exist on type 'Client'", extensions: { code: 'undefinedField' } });

    const noInvoicing = await gql(sandbox, token, 'mutation J($input: JobCreateAttributes!) { jobCreate(input: $input) { job { id } userErrors { message } } }', { input: { propertyId: 'x' } });
    expect(noInvoicing.body.errors[0].message).toBe(
      'Variable $input of type JobCreateAttributes! was provided invalid value for invoicing (Expected value to not be null)',
    );
    expect(noInvoicing.body.data).toBeUndefined();

    const nameless = await gql(sandbox, token, CREATE_CLIENT, { input: { phones: [{ number: '5125550199' }] } });
    expect(nameless.body.data.clientCreate.client).toBeNull();
    expect(nameless.body.data.clientCreate.userErrors[0].message).toMatch(/name/);
    expect(sandbox.clients()).toEqual([]);
  });

  it('throttles when the cost bucket is empty and reports what it holds', async () => {
    sandbox.drainCostBucket();
    const throttled = await gql(sandbox, token, '{ clients(first: 10) { nodes { id name } } }');
    expect(throttled.status).toBe(200);
    expect(throttled.body.errors[0]).toMatchObject({ message: 'Throttled', extensions: { code: 'THROTTLED' } });
    expect(throttled.body.extensions.cost).toMatchObject({ actualQueryCost: null, throttleStatus: { currentlyAvailable: 0, restoreRate: 10 } });
    expect(sandbox.requests().at(-1)).toMatchObject({ status: 200, throttled: true });
  });

  it('fails the next requests on demand, before authentication, like the edge in front of Jobber', async () => {
    sandbox.failNext(1, 429, { retryAfterSeconds: 2 });
    sandbox.failNext(1, 503);
    const limited = await fetch(sandbox.graphqlUrl, { method: 'POST' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(await limited.text()).toBe('Retry later\n');
    expect((await gql(sandbox, token, '{ clients { totalCount } }')).status).toBe(503);
    expect((await gql(sandbox, token, '{ clients { totalCount } }')).status).toBe(200);
    expect(sandbox.requests().map((request) => request.status)).toEqual([429, 503, 200]);
  });
});
