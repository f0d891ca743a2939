import { freshDatabase, type TestDatabase } from '../../../test/support/postgres';
import { LeadStory, storedInTimeOrder } from '../testing/lead-story';
import { projectEvents } from '../testing/project-events';
import { leadSummary } from './lead-summary';

let db: TestDatabase;
beforeAll(async () => (db = await freshDatabase('lead_summary')));
afterAll(() => db.close());

const start = new Date('2026-11-20T15:00:00.000Z');
let phone = 100;
const story = () => new LeadStory({ tenantId: 'peak-comfort', callerPhone: `+1512555${String(++phone).padStart(4, '0')}`, start });

async function given(...stories: LeadStory[]) {
  await projectEvents(db.pool, [leadSummary], storedInTimeOrder(stories));
}

async function row(lead: LeadStory) {
  const { rows } = await db.pool.query('SELECT * FROM lead_summary WHERE lead_id = $1', [lead.streamId]);
  return rows[0];
}

const timeOf = (lead: LeadStory, type: string, nth = 0) => new Date(lead.events.filter((e) => e.type === type)[nth]!.metadata.occurredAt);

describe('lead_summary', () => {
  it('follows a lead from missed call to synced job, with the time of every step', async () => {
    const lead = story().missed().texted().replied().qualified({ urgency: 'emergency', serviceType: 'plumbing', subCategory: 'burst-pipe', summary: 'Pipe burst' }).escalated().booked().synced();
    await given(lead);
    const r = await row(lead);
    const called = lead.events[0]!.data as { calledAt: string; callerPhone: string };
    expect(r).toMatchObject({
      tenant_id: 'peak-comfort',
      caller_phone: called.callerPhone,
      status: 'synced',
      urgency: 'emergency',
      service_type: 'plumbing',
      sub_category: 'burst-pipe',
      in_area: true,
      intent: 'high',
      summary: 'Pipe burst',
      call_count: 1,
      missed_at: new Date(called.calledAt),
      first_text_at: timeOf(lead, 'TextSent'),
      qualified_at: timeOf(lead, 'LeadQualified'),
      escalated_at: timeOf(lead, 'EmergencyEscalated'),
      booked_at: timeOf(lead, 'CallbackBooked'),
      synced_at: timeOf(lead, 'JobSynced'),
      opened_at: timeOf(lead, 'CallMissed'),
      last_activity_at: timeOf(lead, 'JobSynced'),
    });
    expect(r.replied_at).toEqual(new Date((lead.events.find((e) => e.type === 'ReplyReceived')!.data as { receivedAt: string }).receivedAt));
  });

  it('counts repeat calls but keeps the first missed call as the start', async () => {
    const lead = story().missed().texted().missed(30000).missed(30000);
    await given(lead);
    const r = await row(lead);
    expect(r.call_count).toBe(3);
    expect(r.missed_at).toEqual(new Date((lead.events[0]!.data as { calledAt: string }).calledAt));
    expect(r.last_activity_at).toEqual(timeOf(lead, 'CallMissed', 2));
    expect(r.status).toBe('texted');
  });

  it('shows each step as the status, in order', async () => {
    const steps: Array<[string, (l: LeadStory) => LeadStory]> = [
      ['new', (l) => l.missed()],
      ['texted', (l) => l.texted()],
      ['replied', (l) => l.replied()],
      ['qualified', (l) => l.qualified()],
      ['escalated', (l) => l.escalated()],
      ['booked', (l) => l.booked()],
    ];
    const lead = story();
    for (const [status, step] of steps) {
      const before = lead.events.length;
      step(lead);
      await projectEvents(db.pool, [leadSummary], storedInTimeOrder([lead]).slice(before));
      expect((await row(lead)).status).toBe(status);
    }
  });

  it('a standing opt-out outranks the sales steps; opting back in lifts it; a hand-off outranks everything', async () => {
    const lead = story().missed().texted().replied().optedOut();
    await given(lead);
    expect((await row(lead)).status).toBe('opted-out');
    expect((await row(lead)).opted_out_at).toEqual(timeOf(lead, 'LeadOptedOut'));

    const back = lead.events.length;
    lead.optedIn().handedOff(1000, 'I will call them');
    await projectEvents(db.pool, [leadSummary], storedInTimeOrder([lead]).slice(back));
    const r = await row(lead);
    expect(r.opted_out_at).toBeNull();
    expect(r.handed_off_at).toEqual(timeOf(lead, 'LeadHandedOff'));
    expect(r.status).toBe('handed-off');
  });

  it('an alert to the owner is not a text to the lead', async () => {
    const lead = story().missed().texted(1000, 'owner-alert');
    await given(lead);
    expect(await row(lead)).toMatchObject({ first_text_at: null, status: 'new' });
  });

  it('a lead that texted first opens on its reply and has no missed call', async () => {
    const lead = story().replied(0).followUpsScheduled();
    await given(lead);
    expect(await row(lead)).toMatchObject({ status: 'replied', missed_at: null, call_count: 0, opened_at: timeOf(lead, 'ReplyReceived') });
  });
});
