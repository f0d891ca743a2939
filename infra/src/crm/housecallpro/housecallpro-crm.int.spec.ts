// HousecallProCrm against the Housecall Pro sandbox: real HTTP, real validation, real failures.
import { CrmPermanentError, CrmTransientError, type CrmJob } from '@naxio/domain';
import { startHousecallProSandbox, type HousecallProSandbox } from '@naxio/housecallpro-sandbox';
import { bookingTag, HousecallProCrm } from './housecallpro-crm';

const API_KEY = 'hcp_naxio_key';

const booking = (overrides: Partial<CrmJob> = {}): CrmJob => ({
  bookingId: 'bk_7f3a91',
  customer: { name: 'Dana Reyes', phone: '+15125550199', address: '1204 Elm St, Austin, TX 78704' },
  title: 'AC not cooling',
  description: 'Upstairs unit blows warm air since this morning.',
  start: '2026-07-14T14:00:00-05:00',
  end: '2026-07-14T16:00:00-05:00',
  ...overrides,
});

const caught = async (work: Promise<unknown>) => work.then(() => { throw new Error('expected a failure'); }, (error: unknown) => error);

describe('HousecallProCrm against the Housecall Pro sandbox', () => {
  let sandbox: HousecallProSandbox;
  const crm = (overrides: { apiKey?: string; maxAttempts?: number } = {}) =>
    new HousecallProCrm({
      apiKey: overrides.apiKey ?? API_KEY,
      baseUrl: sandbox.baseUrl,
      retry: { maxAttempts: overrides.maxAttempts ?? 4, baseDelayMs: 5, maxDelayMs: 20 },
    });

  beforeEach(async () => {
    sandbox = await startHousecallProSandbox({ apiKey: API_KEY });
  });
  afterEach(() => sandbox.close());

  it('creates the customer with their service address and a scheduled job tagged with the booking', async () => {
    const result = await crm().syncJob(booking());

    const [customer] = sandbox.customers();
    const [job] = sandbox.jobs();
    expect(result).toEqual({ customerId: customer?.id, jobId: job?.id, customerReused: false });
    expect(customer).toMatchObject({ first_name: 'Dana', last_name: 'Reyes', mobile_number: '5125550199' });
    expect(customer?.addresses).toEqual([expect.objectContaining({ type: 'service', street: '1204 Elm St', city: 'Austin', state: 'TX', zip: '78704' })]);
    expect(job).toMatchObject({
      customer_id: customer?.id,
      address_id: customer?.addresses[0]?.id,
      schedule: { scheduled_start: '2026-07-14T19:00:00.000Z', scheduled_end: '2026-07-14T21:00:00.000Z', arrival_window: 0 },
      tags: [bookingTag('bk_7f3a91')],
      line_items: [expect.objectContaining({ name: 'AC not cooling', quantity: 1 })],
    });
  });

  it('reuses a customer the contractor already has, found by phone, and their address', async () => {
    const seeded = sandbox.seedCustomer({ first_name: 'Dana', mobile_number: '(512) 555-0199', addresses: [{ street: '1204 ELM ST' }] });

    const result = await crm().syncJob(booking());

    expect(result).toEqual({ customerId: seeded.id, jobId: sandbox.jobs()[0]?.id, customerReused: true });
    expect(sandbox.customers()).toHaveLength(1);
    expect(sandbox.jobs()[0]?.address_id).toBe(seeded.addresses[0]?.id);
  });

  it('adds the service address to a known customer who has none', async () => {
    const seeded = sandbox.seedCustomer({ first_name: 'Dana', mobile_number: '5125550199' });

    await crm().syncJob(booking());

    const [customer] = sandbox.customers();
    expect(customer?.id).toBe(seeded.id);
    expect(customer?.addresses).toEqual([expect.objectContaining({ street: '1204 Elm St', city: 'Austin', country: 'US' })]);
    expect(sandbox.jobs()[0]?.address_id).toBe(customer?.addresses[0]?.id);
  });

  it('creates one customer and one job when the same booking is synced twice', async () => {
    const first = await crm().syncJob(booking());
    const again = await crm().syncJob(booking());

    expect(again).toEqual({ ...first, customerReused: true });
    expect(sandbox.customers()).toHaveLength(1);
    expect(sandbox.jobs()).toHaveLength(1);
    await crm().syncJob(booking({ bookingId: 'bk_8c1d02' }));
    expect(sandbox.jobs()).toHaveLength(2);
  });

  it('waits out a 429 (Retry-After) and a 500, and still books once', async () => {
    sandbox.failNext(1, 429, { retryAfterSeconds: 0 });
    sandbox.failNext(1, 500);

    const result = await crm().syncJob(booking());

    expect(result.customerReused).toBe(false);
    expect(sandbox.requests().slice(0, 2).map((request) => request.status)).toEqual([429, 500]);
    expect(sandbox.customers()).toHaveLength(1);
    expect(sandbox.jobs()).toHaveLength(1);
  });

  it('hands back a transient failure after a bounded number of tries when Housecall Pro stays down', async () => {
    sandbox.failNext(10, 503);

    const error = await caught(crm({ maxAttempts: 3 }).syncJob(booking()));

    expect(error).toBeInstanceOf(CrmTransientError);
    expect(error).toMatchObject({ code: 'crm_unavailable', retryable: true });
    expect(sandbox.requests()).toHaveLength(3);
  });

  it('fails for good on a refused key or on data Housecall Pro will not store, without retrying', async () => {
    const badKey = await caught(crm({ apiKey: 'revoked' }).syncJob(booking()));
    expect(badKey).toBeInstanceOf(CrmPermanentError);
    expect(badKey).toMatchObject({ code: 'crm_auth_failed' });

    const foreignNumber = await caught(crm().syncJob(booking({ customer: { name: 'Ana', phone: '+442079460958', address: null } })));
    expect(foreignNumber).toMatchObject({ code: 'crm_rejected', retryable: false, message: expect.stringContaining('mobile_number') });
    expect(sandbox.requests().filter((request) => request.method === 'POST')).toHaveLength(1);
    expect(sandbox.customers()).toEqual([]);
  });
});
