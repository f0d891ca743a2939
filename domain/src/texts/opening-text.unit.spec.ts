import type { Tenant } from '../tenant/tenant';
import { renderOpeningText } from './opening-text';

const tenant: Tenant = {
  id: 'peak-comfort',
  company: 'Peak Comfort HVAC',
  trade: 'hvac',
  phoneNumbers: ['+15125550000'],
  ownerPhone: '+15125559999',
  timezone: 'America/Chicago',
  businessHours: { mon: { open: '08:00', close: '18:00' }, sat: { open: '09:00', close: '13:00' } },
  persona: 'Jordan',
  templates: {},
  coverage: { zips: ['78701'], cities: ['Austin'] },
};

describe('opening text', () => {
  it('names the persona, the company and asks the trade question during business hours', () => {
    // Monday 2026-11-30 10:00 in Chicago (UTC-6)
    const { text, afterHours } = renderOpeningText(tenant, new Date('2026-11-30T16:00:00Z'));
    expect(afterHours).toBe(false);
    expect(text).toBe(
      "Hi, this is Jordan from Peak Comfort HVAC — you just called us and we missed you. What's going on with your heating or cooling today? We want to make sure we get back to you right away.",
    );
  });

  it('uses after-hours wording with a time-of-day greeting in the tenant time zone', () => {
    // Monday 2026-11-30 20:30 in Chicago is 02:30 UTC on Tuesday
    const { text, afterHours } = renderOpeningText(tenant, new Date('2026-12-01T02:30:00Z'));
    expect(afterHours).toBe(true);
    expect(text).toMatch(/^Good evening, this is Jordan from Peak Comfort HVAC\. Our office is closed/);
  });

  it('treats a day without hours as closed', () => {
    // Sunday 2026-11-29 10:00 Chicago
    expect(renderOpeningText(tenant, new Date('2026-11-29T16:00:00Z')).afterHours).toBe(true);
  });

  it('follows daylight saving time', () => {
    // 13:30 UTC is 07:30 CST on Monday 2 March 2026 (closed) but 08:30 CDT on Monday 9 March (open).
    expect(renderOpeningText(tenant, new Date('2026-03-02T13:30:00Z')).afterHours).toBe(true);
    expect(renderOpeningText(tenant, new Date('2026-03-09T13:30:00Z')).afterHours).toBe(false);
  });

  it("takes the tenant's own templates and question", () => {
    const custom = { ...tenant, persona: 'Sam', templates: { opening: '{persona} @ {company}: {question}', question: 'Furnace or AC?' } };
    expect(renderOpeningText(custom, new Date('2026-11-30T16:00:00Z')).text).toBe('Sam @ Peak Comfort HVAC: Furnace or AC?');
  });
});
