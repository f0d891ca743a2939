import type { ConversationTurn, ReplyRequest } from '../ports/qualifier';
import type { Qualification } from '../qualification/qualification';
import type { Tenant } from '../tenant/tenant';
import { EMERGENCY_REPLY, REPLY_MAX_LENGTH, nextReplyStep, offeredSlotText, templateReply, templateReplyWriter } from './conversation-text';

const tenant: Tenant = {
  id: 'peak-comfort',
  company: 'Peak Comfort HVAC',
  trade: 'hvac',
  phoneNumbers: ['+15125550000'],
  ownerPhone: '+15125559999',
  timezone: 'America/Chicago',
  businessHours: { mon: { open: '08:00', close: '18:00' }, tue: { open: '07:00', close: '18:00' } },
  persona: 'Jordan',
  templates: {},
  coverage: { zips: ['78701'], cities: ['Austin'] },
};

// Monday 2026-11-30 10:00 in Chicago (UTC-6): open. 20:30 the same day: closed, opens Tuesday 07:00.
const OPEN = new Date('2026-11-30T16:00:00Z');
const CLOSED = new Date('2026-12-01T02:30:00Z');

const qualified: Qualification = {
  urgency: 'scheduled',
  serviceType: 'hvac',
  subCategory: 'no-cooling',
  serviceArea: { zip: '78701', city: 'Austin', inArea: true },
  intent: 'high',
  summary: 'AC not cooling, wants a visit',
  source: 'rules',
  model: null,
};

function request(q: Partial<Qualification> = {}, more: Partial<ReplyRequest> = {}): ReplyRequest {
  const conversation: ConversationTurn[] = [{ from: 'lead', text: 'My AC stopped cooling', at: OPEN.toISOString() }];
  return { tenant, conversation, at: OPEN, qualification: { ...qualified, ...q }, offeredSlots: [], ...more };
}

describe('template replies', () => {
  it('answers an emergency with the on-call alert and asks for the address', () => {
    expect(templateReply(request({ urgency: 'emergency', subCategory: 'gas-smell' }))).toBe(EMERGENCY_REPLY);
  });

  it('asks for the address or ZIP when the job location is unknown', () => {
    const text = templateReply(request({ serviceArea: { zip: null, city: null, inArea: null } }));
    expect(text).toBe("Thanks! What's the address or ZIP code for the job?");
  });

  it("asks the trade's detail question when the problem is still vague", () => {
    expect(templateReply(request({ subCategory: 'general' }))).toBe(
      'Thanks! Is it your furnace, heat pump or AC, and about how old is the system?',
    );
    const plumber = { ...tenant, trade: 'plumbing' as const };
    expect(templateReply(request({ serviceType: 'unknown' }, { tenant: plumber }))).toMatch(/leak, a clog or the water heater/);
  });

  it('asks for availability once location and details are known', () => {
    expect(templateReply(request())).toBe('Thanks! What days and times work best for a visit?');
  });

  it('does not ask again when the lead already said when suits them', () => {
    const conversation: ConversationTurn[] = [{ from: 'lead', text: 'AC is out, tomorrow morning works', at: OPEN.toISOString() }];
    expect(nextReplyStep(request({}, { conversation }))).toBe('confirm-follow-up');
  });

  it('offers at most two of the offered slots, in the tenant time zone', () => {
    const offeredSlots = [
      { start: '2026-12-01T20:00:00Z', end: '2026-12-01T22:00:00Z' },
      { start: '2026-12-02T17:00:00Z', end: '2026-12-02T19:00:00Z' },
      { start: '2026-12-03T17:00:00Z', end: '2026-12-03T19:00:00Z' },
    ];
    expect(templateReply(request({}, { offeredSlots }))).toBe(
      'Thanks! We have openings Tue, Dec 1, 2:00 PM–4:00 PM or Wed, Dec 2, 11:00 AM–1:00 PM. Which works for you?',
    );
  });

  it('declines a job outside the coverage, naming the company and the place', () => {
    const text = templateReply(request({ serviceArea: { zip: '90210', city: 'Beverly Hills', inArea: false } }));
    expect(text).toContain('Peak Comfort HVAC');
    expect(text).toContain("doesn't serve Beverly Hills");
    expect(text).not.toMatch(/\?/);
  });

  it('points an out-of-area emergency to 911', () => {
    const text = templateReply(request({ urgency: 'emergency', serviceArea: { zip: '90210', city: null, inArea: false } }));
    expect(text).toContain("doesn't serve ZIP 90210");
    expect(text).toContain('call 911');
  });

  it('asks a vague or unlikely lead how we can help, in a short line', () => {
    expect(templateReply(request({ intent: 'low' }))).toBe('Hi, this is Jordan from Peak Comfort HVAC. How can we help?');
  });

  it('says the office is closed and when it opens, after hours', () => {
    const text = templateReply(request({ serviceArea: { zip: null, city: null, inArea: null } }, { at: CLOSED }));
    expect(text).toBe(
      "Thanks — our office is closed right now, but we'll follow up tomorrow at 7:00 AM. What's the address or ZIP code for the job?",
    );
  });

  it('names the weekday when the office stays closed over several days', () => {
    // Tuesday 2026-12-01 19:00 Chicago: closed until Monday 08:00.
    const text = templateReply(request({}, { at: new Date('2026-12-02T01:00:00Z') }));
    expect(text).toMatch(/^Thanks — our office is closed right now, but we'll follow up Monday at 8:00 AM\. /);
  });

  it('says "next Monday" when the office opens on the same weekday a week later', () => {
    const mondayOnly = { ...tenant, businessHours: { mon: { open: '08:00', close: '18:00' } } };
    const text = templateReply(request({}, { tenant: mondayOnly, at: CLOSED }));
    expect(text).toMatch(/we'll follow up next Monday at 8:00 AM\. /);
  });

  it('never quotes a price and stays within two SMS segments', () => {
    const variants = [
      request(),
      request({ subCategory: 'general' }, { at: CLOSED }),
      request({ serviceArea: { zip: null, city: null, inArea: null } }, { at: CLOSED }),
      request({ serviceArea: { zip: '90210', city: 'Beverly Hills', inArea: false }, urgency: 'emergency' }),
    ];
    for (const variant of variants) {
      const text = templateReply(variant);
      expect(text.length).toBeLessThanOrEqual(REPLY_MAX_LENGTH);
      expect(text).not.toMatch(/\$\s*\d/);
    }
  });

  it('writes through the ReplyWriter port', async () => {
    await expect(templateReplyWriter.write(request())).resolves.toBe(templateReply(request()));
  });

  it('says an offered slot the way the other texts do, in the tenant time zone', () => {
    expect(offeredSlotText({ start: '2026-12-02T17:00:00Z', end: '2026-12-02T19:00:00Z' }, 'America/Chicago')).toBe(
      'Wed, Dec 2, 11:00 AM–1:00 PM',
    );
  });
});
