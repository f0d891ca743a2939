// The sandbox over plain HTTP, as any Housecall Pro client would meet it.
import { startHousecallProSandbox, type HousecallProSandbox } from './index';

const API_KEY = 'hcp_test_key';

async function call(
  sandbox: HousecallProSandbox,
  method: string,
  path: string,
  body?: unknown,
  auth = `Token ${API_KEY}`,
): Promise<{ status: number; headers: Headers; body: any }> {
  const response = await fetch(`${sandbox.baseUrl}${path}`, {
    method,
    headers: { authorization: auth, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

const SCHEDULE = { scheduled_start: '2026-07-14T19:00:00Z', scheduled_end: '2026-07-14T21:00:00Z' };

describe('housecall pro sandbox over HTTP', () => {
  let sandbox: HousecallProSandbox;

  beforeEach(async () => {
    sandbox = await startHousecallProSandbox({ apiKey: API_KEY });
  });
  afterEach(() => sandbox.close());

  it('accepts the key as Token or Bearer and refuses anything else with 401', async () => {
    expect((await call(sandbox, 'GET', '/customers')).status).toBe(200);
    expect((await call(sandbox, 'GET', '/customers', undefined, `Bearer ${API_KEY}`)).status).toBe(200);
    expect((await call(sandbox, 'GET', '/customers', undefined, 'Token wrong')).status).toBe(401);
  });

  it('creates a customer with an address, and finds them by any spelling of their mobile number', async () => {
    const created = await call(sandbox, 'POST', '/customers', {
      first_name: 'Dana',
      mobile_number: '+1 (512) 555-0199',
      addresses: [{ street: '1204 Elm St', city: 'Austin', state: 'TX', zip: '78704' }],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.stringMatching(/^cus_[0-9a-f]{32}$/), mobile_number: '5125550199' });
    expect(created.body.addresses[0]).toMatchObject({ id: expect.stringMatching(/^adr_/), type: 'service', street: '1204 Elm St' });

    const found = await call(sandbox, 'GET', '/customers?q=5125550199');
    expect(found.body).toMatchObject({ customers: [{ id: created.body.id }], page: 1, total_pages: 1, total_items: 1 });
    expect((await call(sandbox, 'GET', '/customers?q=5125550100')).body.customers).toEqual([]);
  });

  it('refuses a customer with nothing to reach them by, or a number that is not one, naming the field', async () => {
    const empty = await call(sandbox, 'POST', '/customers', { notes: 'called about a leak' });
    expect(empty.status).toBe(422);
    const badPhone = await call(sandbox, 'POST', '/customers', { first_name: 'Dana', mobile_number: '555-0199' });
    expect(badPhone).toMatchObject({ status: 422, body: { errors: [{ field: 'mobile_number' }] } });
    expect(sandbox.customers()).toEqual([]);
  });

  it("creates a job on the customer's address and lists it by customer", async () => {
    const customer = sandbox.seedCustomer({ first_name: 'Dana', mobile_number: '5125550199', addresses: [{ street: '1204 Elm St' }] });
    const job = await call(sandbox, 'POST', '/jobs', {
      customer_id: customer.id,
      address_id: customer.addresses[0]?.id,
      schedule: SCHEDULE,
      line_items: [{ name: 'AC not cooling', quantity: 1, unit_price: 8900 }],
      tags: ['naxio-ref-bk_1'],
    });
    expect(job.status).toBe(201);
    expect(job.body).toMatchObject({ id: expect.stringMatching(/^job_/), work_status: 'scheduled', total_amount: 8900, customer: { id: customer.id } });
    expect((await call(sandbox, 'GET', `/jobs?customer_id=${customer.id}`)).body.jobs).toEqual([expect.objectContaining({ id: job.body.id })]);
  });

  it('validates jobs: an unknown customer, an address of someone else, a schedule without a zone or ending first', async () => {
    const dana = sandbox.seedCustomer({ first_name: 'Dana', addresses: [{ street: '1204 Elm St' }] });
    const lee = sandbox.seedCustomer({ first_name: 'Lee', addresses: [{ street: '9 Pine Rd' }] });
    expect((await call(sandbox, 'POST', '/jobs', { customer_id: 'cus_nobody' })).status).toBe(404);
    const foreign = await call(sandbox, 'POST', '/jobs', { customer_id: dana.id, address_id: lee.addresses[0]?.id });
    expect(foreign).toMatchObject({ status: 422, body: { errors: [{ field: 'address_id' }] } });
    const localTime = await call(sandbox, 'POST', '/jobs', { customer_id: dana.id, schedule: { ...SCHEDULE, scheduled_start: '2026-07-14T14:00:00' } });
    expect(localTime.body.errors).toEqual([expect.objectContaining({ field: 'schedule.scheduled_start' })]);
    const backwards = await call(sandbox, 'POST', '/jobs', { customer_id: dana.id, schedule: { scheduled_start: SCHEDULE.scheduled_end, scheduled_end: SCHEDULE.scheduled_start } });
    expect(backwards.body.errors).toEqual([expect.objectContaining({ field: 'schedule.scheduled_end' })]);
    expect(sandbox.jobs()).toEqual([]);
  });

  it('fails the next requests on demand, a 429 with Retry-After', async () => {
    sandbox.failNext(1, 429);
    sandbox.failNext(1, 502);
    const limited = await call(sandbox, 'GET', '/customers');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect((await call(sandbox, 'GET', '/customers')).status).toBe(502);
    expect((await call(sandbox, 'GET', '/customers')).status).toBe(200);
  });
});
