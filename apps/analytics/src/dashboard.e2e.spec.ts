import { funnelStages } from '@naxio/projections';
import { type AnalyticsFixture, analyticsFixture, peak } from './testing/app';
import { type Browser, launchChromium } from './testing/browser';
import { expectedFunnel, scenario, seedReadModels } from './testing/scenario';

let f: AnalyticsFixture;
let browser: Browser;
let baseUrl: string;
// Calls over the last few days, so they fall inside the dashboard's default range (the last 30 days).
const leads = scenario(peak.id, 18, new Date(Date.now() - 5 * 86400000), '+1512554', 5 * 3600000);

beforeAll(async () => {
  f = await analyticsFixture('analytics_dashboard');
  await seedReadModels(f.db.pool, f.store, leads);
  baseUrl = await f.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await f?.close();
});

const totals = () => {
  const all = expectedFunnel(leads, () => 'all').get('all')!;
  return { counts: all, rate: `${((all.booked / all.missed) * 100).toFixed(1)}%` };
};

describe('dashboard in Chromium', () => {
  it('shows the tenant’s recovery rate and funnel, with the key taken from ?key= and kept out of the address bar', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/dashboard?key=${f.keyA}`);
    await page.waitForSelector('body[data-state="ready"]', { timeout: 20000 });
    const expected = totals();
    expect(await page.textContent('#recovery-rate')).toBe(expected.rate);
    const funnel = await page.$$eval('#funnel [data-stage]', (groups) => groups.map((g) => [g.getAttribute('data-stage'), Number(g.getAttribute('data-count'))]));
    expect(Object.fromEntries(funnel)).toEqual(Object.fromEntries(funnelStages.map((s) => [s, expected.counts[s]])));
    const rows = await page.$$eval('#leads tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-lead-id')));
    expect(rows).toEqual([...leads].reverse().map((l) => l.streamId));
    expect(await page.textContent('#latency-untexted')).toBe(`${leads.filter((l) => !l.events.some((e) => e.type === 'TextSent')).length} of ${leads.length}`);
    expect(page.url()).not.toContain(f.keyA);
    await page.close();
  });

  it('opens a lead’s timeline from the event store', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/dashboard?key=${f.keyA}`);
    await page.waitForSelector('body[data-state="ready"]', { timeout: 20000 });
    const lead = leads[0]!;
    await page.click(`#leads tbody tr[data-lead-id="${lead.streamId}"]`);
    await page.waitForSelector('#timeline-events li', { timeout: 10000 });
    const types = await page.$$eval('#timeline-events li', (items) => items.map((li) => li.getAttribute('data-type')));
    expect(types).toEqual(lead.events.map((e) => e.type));
    expect(await page.textContent('#timeline-events li:first-child .when')).toContain('naxio.lead.CallMissedV1');
    await page.close();
  });

  it('asks for the key when it has none, and again when the key is refused', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/dashboard`);
    await page.waitForSelector('#key-form', { state: 'visible' });
    await page.fill('#key-input', 'nxa_wrong');
    await page.click('#key-form button[type="submit"]');
    await page.waitForSelector('body[data-state="needs-key"] #key-error:not(:empty)');
    expect(await page.textContent('#key-error')).toContain('unknown API key');
    await page.fill('#key-input', f.keyA);
    await page.click('#key-form button[type="submit"]');
    await page.waitForSelector('body[data-state="ready"]', { timeout: 20000 });
    expect(await page.textContent('#recovery-rate')).toBe(totals().rate);
    await page.close();
  });
});
