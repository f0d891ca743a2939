// JobberCrm against the Jobber sandbox: real HTTP, real GraphQL documents, real token rotation.
import { CrmPermanentError, CrmTransientError, type CrmJob } from '@naxio/domain';
import { startJobberSandbox, type JobberSandbox } from '@naxio/jobber-sandbox';
import { JobberCrm } from './jobber-crm';
import { InMemoryJobberTokenStore } from './jobber-tokens';

const CLIENT_ID = 'naxio-jobber-app';
const CLIENT_SECRET = 'naxio-jobber-secret';
const TIME_ZONE = 'America/Chicago';

const booking = (overrides: Partial<CrmJob> = {}): CrmJob => ({
  bookingId: 'bk_7f3a91',
  customer: { name: 'Dana Reyes', phone: '+15125550199', address: '1204 Elm St, Austin, TX 78704' },
  title: 'AC not cooling',
  description: 'Upstairs unit blows warm air since this morning.',
  start: '2026-07-14T19:00:00.000Z', // 14:00 in Chicago (CDT)
  end: '2026-07-14T21:00:00.000Z',
  ...overrides,
});

const caught = async (work: Promise<unknown>) => work.then(() => { throw new Error('expected a failure'); }, (error: unknown) => error);

describe('JobberCrm against the Jobber sandbox', () => {
  let sandbox: JobberSandbox;
  let tokens: InMemoryJobberTokenStore;
  const crm = (overrides: { clientSecret?: string; maxAttempts?: number } = {}) =>
    new JobberCrm({
      clientId: CLIENT_ID,
      clientSecret: overrides.clientSecret ?? CLIENT_SECRET,
      tokens,
      timeZone: TIME_ZONE,
      baseUrl: sandbox.baseUrl,
      retry: { maxAttempts: overrides.maxAttempts ?? 4, baseDelayMs: 5, maxDelayMs: 20 },
    });

  beforeEach(async () => {
    sandbox = await startJobberSandbox({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, timeZone: TIME_ZONE });
    tokens = new InMemoryJobberTokenStore(sandbox.issueTokens());
  });
  afterEach(() => sandbox.close());

  it('creates the client, a property at the booked address and a job with its visit at the booked time', async () => {
    const result = await crm().syncJob(booking());

    const [client] = sandbox.clients();
    const [property] = sandbox.properties();
    const [job] = sandbox.jobs();
    expect(result).toEqual({ customerId: client?.id, jobId: job?.id, customerReused: false });
    expect(client).toMatchObject({ firstName: 'Dana', lastName: 'Reyes', phones: [{ number: '+15125550199', primary: true }] });
    expect(property).toMatchObject({ clientId: client?.id, address: { street1: '1204 Elm St', city: 'Austin', province: 'TX', postalCode: '78704' } });
    expect(job).toMatchObject({
      propertyId: property?.id,
      title: 'AC not cooling (ref bk_7f3a91)',
      startAt: '2026-07-14T19:00:00.000Z',
      endAt: '2026-07-14T21:00:00.000Z',
      invoicing: { invoicingType: 'VISIT_BASED', invoicingSchedule: 'ON_COMPLETION' },
    });
    expect(job?.instructions).toContain('Upstairs unit blows warm air');
  });

  it('reuses a client the contractor already has, matched by phone however it was typed', async () => {
    const seeded = sandbox.seedClient({ firstName: 'Dana', lastName: 'Reyes', phone: '(512) 555-0199', address: { street1: '1204 Elm St' } });

    const result = await crm().syncJob(booking());

    expect(result).toEqual({ customerId: seeded.clientId, jobId: sandbox.jobs()[0]?.id, customerReused: true });
    expect(sandbox.clients()).toHaveLength(1);
    expect(sandbox.properties()).toHaveLength(1);
    expect(sandbox.jobs()[0]?.propertyId).toBe(seeded.propertyId);
  });

  it('creates one client and one job when the same booking is synced twice', async () => {
    const first = await crm().syncJob(booking());
    const again = await crm().syncJob(booking());

    expect(again).toEqual({ ...first, customerReused: true });
    expect(sandbox.clients()).toHaveLength(1);
    expect(sandbox.jobs()).toHaveLength(1);
    // A different booking from the same caller is a second job on the same client.
    const second = await crm().syncJob(booking({ bookingId: 'bk_8c1d02' }));
    expect(second).toMatchObject({ customerId: first.customerId, customerReused: true });
    expect(sandbox.jobs()).toHaveLength(2);
  });

  it('waits out a 429, a 500 and an empty cost bucket, and still books once', async () => {
    sandbox.failNext(1, 429, { retryAfterSeconds: 0 });
    sandbox.failNext(1, 500);
    const result = await crm().syncJob(booking());
    expect(result.customerReused).toBe(false);

    sandbox.drainCostBucket(); // refills at 500 points a second: a short, computed wait
    await crm().syncJob(booking({ bookingId: 'bk_8c1d02' }));

    const graphql = sandbox.requests().filter((request) => request.endpoint === 'graphql');
    expect(graphql.slice(0, 2).map((request) => request.status)).toEqual([429, 500]);
    expect(graphql.filter((request) => request.throttled).length).toBeGreaterThan(0);
    expect(sandbox.clients()).toHaveLength(1);
    expect(sandbox.jobs()).toHaveLength(2);
  });

  it('refreshes an expired access token once, saves the rotated pair, and carries on', async () => {
    const before = tokens.snapshot();
    sandbox.expireAccessTokens();

    await crm().syncJob(booking());

    const after = tokens.snapshot();
    expect(after.saves).toBe(1);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(sandbox.requests().filter((request) => request.endpoint === 'token')).toEqual([
      expect.objectContaining({ status: 200, operations: ['refresh_token'] }),
    ]);
    expect(sandbox.jobs()).toHaveLength(1);
  });

  it('gives up for good when the refresh itself is refused: disconnected app or wrong secret', async () => {
    sandbox.revokeTokens();
    const revoked = await caught(crm().syncJob(booking()));
    expect(revoked).toBeInstanceOf(CrmPermanentError);
    expect(revoked).toMatchObject({ code: 'crm_auth_failed' });

    tokens = new InMemoryJobberTokenStore(sandbox.issueTokens());
    sandbox.expireAccessTokens();
    const wrongSecret = await caught(crm({ clientSecret: 'not-the-secret' }).syncJob(booking()));
    expect(wrongSecret).toMatchObject({ code: 'crm_auth_failed', retryable: false });
    expect(sandbox.clients()).toEqual([]);
  });

  it("turns Jobber's userErrors into a permanent failure, without retrying", async () => {
    const error = await caught(crm().syncJob(booking({ customer: { name: 'Dana Reyes', phone: '+1512', address: null } })));

    expect(error).toBeInstanceOf(CrmPermanentError);
    expect(error).toMatchObject({ code: 'crm_rejected', message: expect.stringContaining('clientCreate refused') });
    expect(sandbox.requests().filter((request) => request.operations.includes('clientCreate'))).toHaveLength(1);
  });

  it('hands back a transient failure after a bounded number of tries when Jobber stays down', async () => {
    sandbox.failNext(10, 503);

    const error = await caught(crm({ maxAttempts: 3 }).syncJob(booking()));

    expect(error).toBeInstanceOf(CrmTransientError);
    expect(error).toMatchObject({ code: 'crm_unavailable', retryable: true });
    expect(sandbox.requests()).toHaveLength(3);
  });
});
