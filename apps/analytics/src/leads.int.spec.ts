import { allProjections, rebuildProjections } from '@naxio/projections';
import { type AnalyticsFixture, analyticsFixture, bearer, blueRiver, peak } from './testing/app';
import { appendInOrder, scenario, seedReadModels } from './testing/scenario';

let f: AnalyticsFixture;
const leadsA = scenario(peak.id, 23, new Date('2026-10-01T13:00:00Z'), '+1512551', 3 * 3600000);
const leadsB = scenario(blueRiver.id, 4, new Date('2026-10-01T13:00:00Z'), '+1303551');

beforeAll(async () => {
  f = await analyticsFixture('analytics_leads');
  await seedReadModels(f.db.pool, f.store, [...leadsA, ...leadsB]);
});
afterAll(() => f.close());

const get = (url: string, key = f.keyA) => f.app.inject({ method: 'GET', url, headers: bearer(key) });

async function allPages(query: string, limit: number) {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const body: { leads: Array<{ leadId: string }>; nextCursor: string | null } = (await get(`/v1/leads?limit=${limit}&${query}${cursor ? `&cursor=${cursor}` : ''}`)).json();
    pages.push(body.leads.map((l) => l.leadId));
    cursor = body.nextCursor;
  } while (cursor);
  return pages;
}

describe('GET /v1/leads', () => {
  it('pages through every lead of the tenant once, newest first, with no gaps and no repeats', async () => {
    const pages = await allPages('', 5);
    expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 5, 3]);
    const newestFirst = [...leadsA].reverse().map((l) => l.streamId);
    expect(pages.flat()).toEqual(newestFirst);
  });

  it('keeps its place while new leads arrive between pages', async () => {
    const first = (await get('/v1/leads?limit=10')).json();
    const late = scenario(peak.id, 2, new Date('2026-10-20T13:00:00Z'), '+1512552');
    await appendInOrder(f.store, late);
    await rebuildProjections({ pool: f.db.pool, store: f.store, projections: allProjections });
    const rest = (await get(`/v1/leads?limit=50&cursor=${first.nextCursor}`)).json();
    const seen = [...first.leads, ...rest.leads].map((l: { leadId: string }) => l.leadId);
    expect(seen).toEqual([...leadsA].reverse().map((l) => l.streamId));
  });

  it('filters by status, urgency, service type and the tenant-local days a lead opened', async () => {
    const booked = (await get('/v1/leads?status=booked&limit=200')).json().leads;
    expect(booked.length).toBeGreaterThan(0);
    expect(booked.every((l: { status: string; bookedAt: string | null }) => l.status === 'booked' && l.bookedAt)).toBe(true);
    const emergencies = (await get('/v1/leads?urgency=emergency&serviceType=plumbing&limit=200')).json().leads;
    expect(emergencies.length).toBeGreaterThan(0);
    expect(emergencies.every((l: { urgency: string; serviceType: string }) => l.urgency === 'emergency' && l.serviceType === 'plumbing')).toBe(true);
    // Leads open every 3 hours from 08:00 Chicago on Oct 1st: 6 of them that day (08:00 … 23:00).
    expect((await get('/v1/leads?from=2026-10-01&to=2026-10-01&limit=200')).json().leads).toHaveLength(6);
  });

  it.each([
    ['limit=0', /limit must be >= 1/],
    ['limit=201', /limit must be <= 200/],
    ['limit=ten', /limit must be integer/],
    ['status=lost', /status must be one of: new, texted, replied/],
    ['cursor=bm9wZQ', /cursor is not one this API handed out/],
    ['from=2026-10-05&to=2026-10-01', /is after to/],
    ['sort=oldest', /unknown parameter "sort"/],
  ])('answers 400 for %s', async (query, message) => {
    const response = await get(`/v1/leads?${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(message);
  });
});

describe('GET /v1/leads/:leadId and its history', () => {
  it('shows one lead', async () => {
    const lead = leadsA[0]!;
    const body = (await get(`/v1/leads/${lead.streamId}`)).json();
    expect(body).toMatchObject({ leadId: lead.streamId, status: 'synced', callCount: 2, urgency: 'emergency', serviceType: 'plumbing' });
  });

  it('reads the history from the event store: every event, its metadata, causation and Avro schema', async () => {
    const lead = leadsA[0]!;
    const body = (await get(`/v1/leads/${lead.streamId}/history`)).json();
    expect(body.events.map((e: { type: string }) => e.type)).toEqual(lead.events.map((e) => e.type));
    expect(body.events.map((e: { streamVersion: number }) => e.streamVersion)).toEqual(lead.events.map((_, i) => i));
    const [first] = body.events;
    expect(first).toMatchObject({ schema: 'naxio.lead.CallMissedV1', metadata: lead.events[0]!.metadata, data: lead.events[0]!.data });
    expect(typeof first.position).toBe('string');
    const qualified = body.events.find((e: { type: string }) => e.type === 'LeadQualified');
    expect(qualified.data.serviceArea).toEqual({ zip: '78701', city: 'Austin', inArea: true });
  });

  it('answers 404 for a lead that does not exist', async () => {
    expect((await get('/v1/leads/lead-peak-comfort-000')).statusCode).toBe(404);
    expect((await get('/v1/leads/lead-peak-comfort-000/history')).json().error.code).toBe('lead_not_found');
  });
});

describe('POST /v1/leads/:leadId/hand-off', () => {
  it('hands the lead to the owner once; the history records who and why', async () => {
    const lead = leadsA[1]!;
    const post = (body?: object) => f.app.inject({ method: 'POST', url: `/v1/leads/${lead.streamId}/hand-off`, headers: bearer(f.keyA), ...(body ? { payload: body } : {}) });
    const first = await post({ note: 'calling them myself' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ leadId: lead.streamId, handedOff: true, recorded: expect.arrayContaining(['LeadHandedOff']) });
    expect((await post()).json()).toEqual({ leadId: lead.streamId, handedOff: true, recorded: [] });
    const history = (await get(`/v1/leads/${lead.streamId}/history`)).json().events;
    const handedOff = history.find((e: { type: string }) => e.type === 'LeadHandedOff');
    expect(handedOff).toMatchObject({ data: { by: 'owner', note: 'calling them myself' }, schema: 'naxio.lead.LeadHandedOffV1', metadata: { tenantId: peak.id, causationId: null } });
  });

  it('refuses fields it does not know', async () => {
    const response = await f.app.inject({ method: 'POST', url: `/v1/leads/${leadsA[2]!.streamId}/hand-off`, headers: bearer(f.keyA), payload: { by: 'someone' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe('unknown field "by"');
  });
});
