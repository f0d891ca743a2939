import { hashApiKey } from './api-keys';
import { type AnalyticsFixture, analyticsFixture, bearer, blueRiver, peak } from './testing/app';
import { scenario, seedReadModels } from './testing/scenario';

let f: AnalyticsFixture;
const leadsA = scenario(peak.id, 6, new Date('2026-10-01T13:00:00Z'), '+1512553');
const leadsB = scenario(blueRiver.id, 5, new Date('2026-10-01T13:00:00Z'), '+1303553');
const theirs = leadsB[0]!.streamId;

beforeAll(async () => {
  f = await analyticsFixture('analytics_auth');
  await seedReadModels(f.db.pool, f.store, [...leadsA, ...leadsB]);
});
afterAll(() => f.close());

const get = (url: string, headers: Record<string, string>) => f.app.inject({ method: 'GET', url, headers });

describe('API keys', () => {
  it.each([
    ['no Authorization header', {}],
    ['a scheme other than Bearer', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['an unknown key', { authorization: 'Bearer nxa_not-a-key' }],
  ])('answers 401 for %s', async (_case, headers) => {
    const response = await get('/v1/leads', headers);
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('unauthorized');
  });

  it('keeps only a hash of each key', async () => {
    const { rows } = await f.db.pool.query('SELECT key_hash, tenant_id FROM api_keys ORDER BY tenant_id');
    expect(rows).toEqual([
      { key_hash: hashApiKey(f.keyB), tenant_id: blueRiver.id },
      { key_hash: hashApiKey(f.keyA), tenant_id: peak.id },
    ]);
    expect(JSON.stringify(rows)).not.toContain(f.keyA);
  });
});

describe('tenant isolation', () => {
  it('lists only the key’s own leads', async () => {
    const ids = (await get('/v1/leads?limit=200', bearer(f.keyA))).json().leads.map((l: { leadId: string }) => l.leadId);
    expect(ids.sort()).toEqual(leadsA.map((l) => l.streamId).sort());
  });

  it('counts only the key’s own leads in the figures', async () => {
    const [a, b] = await Promise.all([f.keyA, f.keyB].map(async (key) => (await get('/v1/recovery?from=2026-09-30&to=2026-10-31', bearer(key))).json().total.missed));
    expect([a, b]).toEqual([leadsA.length, leadsB.length]);
  });

  it.each(['', '/history'])('answers 404, not 403, for another tenant’s lead%s', async (suffix) => {
    const response = await get(`/v1/leads/${theirs}${suffix}`, bearer(f.keyA));
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toEqual({ code: 'lead_not_found', message: `no lead ${theirs}` });
    expect((await get(`/v1/leads/${theirs}${suffix}`, bearer(f.keyB))).statusCode).toBe(200);
  });

  it('cannot hand off another tenant’s lead, and records nothing', async () => {
    const before = (await f.store.readStream(theirs)).version;
    const response = await f.app.inject({ method: 'POST', url: `/v1/leads/${theirs}/hand-off`, headers: bearer(f.keyA), payload: {} });
    expect(response.statusCode).toBe(404);
    expect((await f.store.readStream(theirs)).version).toBe(before);
  });
});

describe('docs', () => {
  it('serves an OpenAPI document built from the route schemas, and a page for people', async () => {
    const doc = (await f.app.inject({ method: 'GET', url: '/docs/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(['/v1/latency', '/v1/leads', '/v1/leads/{leadId}', '/v1/leads/{leadId}/hand-off', '/v1/leads/{leadId}/history', '/v1/recovery']);
    const recovery = doc.paths['/v1/recovery'].get;
    expect(recovery.parameters.map((p: { name: string; required: boolean }) => [p.name, p.required])).toEqual([['from', true], ['to', true], ['groupBy', false]]);
    expect(Object.keys(recovery.responses)).toEqual(['200', '400', '401']);
    expect(doc.paths['/v1/leads/{leadId}/hand-off'].post.requestBody.content['application/json'].schema.properties.note.type).toBe('string');
    const page = await f.app.inject({ method: 'GET', url: '/docs' });
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('GET /v1/leads/{leadId}/history');
  });

  it('answers unknown routes from the catalogue', async () => {
    expect((await get('/v2/anything', {})).json()).toEqual({ error: { code: 'not_found', message: 'no such route' } });
  });
});
