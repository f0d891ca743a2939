import type { StoredEvent } from '@naxio/domain';
import { funnelStages } from '@naxio/projections';
import { type AnalyticsFixture, analyticsFixture, bearer, blueRiver, peak } from './testing/app';
import { expectedFunnel, groupOf, localDay, scenario, seedReadModels } from './testing/scenario';

let f: AnalyticsFixture;
const leadsA = scenario(peak.id, 40, new Date('2026-10-01T13:00:00Z'), '+1512550');
const leadsB = scenario(blueRiver.id, 9, new Date('2026-10-01T13:00:00Z'), '+1303550');
const range = 'from=2026-10-01&to=2026-10-31';

beforeAll(async () => {
  f = await analyticsFixture('analytics_figures');
  await seedReadModels(f.db.pool, f.store, [...leadsA, ...leadsB]);
});
afterAll(() => f.close());

const get = (url: string, key = f.keyA) => f.app.inject({ method: 'GET', url, headers: bearer(key) });
const rate = (c: { booked: number; missed: number }) => (c.missed === 0 ? null : Math.round((c.booked / c.missed) * 10000) / 10000);

describe('GET /v1/recovery', () => {
  it.each(['day', 'week', 'trade'] as const)('gives the funnel and booked ÷ missed per %s, each lead once per stage', async (groupBy) => {
    const keyOf = groupBy === 'trade' ? groupOf.trade(peak.trade) : groupOf[groupBy](peak.timezone);
    const expected = [...expectedFunnel(leadsA, keyOf)].sort(([a], [b]) => a.localeCompare(b)).map(([key, counts]) => ({ key, ...counts, recoveryRate: rate(counts) }));
    const response = await get(`/v1/recovery?${range}&groupBy=${groupBy}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.groups).toEqual(expected);
    const total = Object.fromEntries(funnelStages.map((s) => [s, expected.reduce((sum, g) => sum + g[s], 0)]));
    expect(body.total).toEqual({ ...total, recoveryRate: rate(total as { booked: number; missed: number }) });
    expect(body.total.missed).toBe(leadsA.length);
  });

  it('counts only the days asked for, in the tenant’s own calendar', async () => {
    const day = localDay((leadsA[3]!.events[0]!.data as { calledAt: string }).calledAt, peak.timezone);
    const body = (await get(`/v1/recovery?from=${day}&to=${day}`)).json();
    expect(body.groups.map((g: { key: string }) => g.key)).toEqual([day]);
    expect(body.total.missed).toBe(expectedFunnel(leadsA, groupOf.day(peak.timezone)).get(day)!.missed);
  });

  it('has no recovery rate for a range without missed calls', async () => {
    const body = (await get('/v1/recovery?from=2025-01-01&to=2025-01-31')).json();
    expect(body).toMatchObject({ groups: [], total: { missed: 0, booked: 0, recoveryRate: null } });
  });

  it.each([
    [`${range}&groupBy=month`, /groupBy must be one of: day, week, trade/],
    ['from=2026-10-01', /to is required/],
    ['from=2026-10-01&to=2026-02-30', /to must be a calendar date as YYYY-MM-DD/],
    ['from=10/01/2026&to=2026-10-31', /from must be a calendar date/],
    ['from=2026-10-31&to=2026-10-01', /from \(2026-10-31\) is after to \(2026-10-01\)/],
    [`${range}&tenant=blue-river`, /unknown parameter "tenant"/],
  ])('answers 400 with a clear message for %s', async (query, message) => {
    const response = await get(`/v1/recovery?${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(message);
  });
});

/** percentile_disc: the first observed value whose cumulative share reaches p. */
const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? null;

describe('GET /v1/latency', () => {
  it('gives percentiles of webhook-to-text-sent latency, and counts leads never texted', async () => {
    const events: StoredEvent[] = await f.store.readAll({ limit: 10000 });
    const latencies = leadsA
      .map((lead) => {
        const mine = events.filter((e) => e.metadata.streamId === lead.streamId);
        const missed = mine.find((e) => e.type === 'CallMissed')!;
        const sent = mine.find((e) => e.type === 'TextSent' && (e.data as { kind: string }).kind === 'opening');
        return sent ? Date.parse(sent.recordedAt) - Date.parse(missed.metadata.occurredAt) : null;
      })
      .filter((ms): ms is number => ms !== null)
      .sort((a, b) => a - b);
    const body = (await get(`/v1/latency?${range}`)).json();
    expect(body).toMatchObject({
      leads: leadsA.length,
      texted: latencies.length,
      untexted: leadsA.length - latencies.length,
      p50Ms: percentile(latencies, 0.5),
      p90Ms: percentile(latencies, 0.9),
      p99Ms: percentile(latencies, 0.99),
      maxMs: latencies.at(-1),
    });
    expect(body.untexted).toBeGreaterThan(0);
    expect(body.histogram.reduce((sum: number, b: { leads: number }) => sum + b.leads, 0)).toBe(latencies.length);
  });

  it('answers 400 without a date range', async () => {
    expect((await get('/v1/latency')).json().error).toEqual({ code: 'invalid_parameter', message: 'from is required' });
  });
});
