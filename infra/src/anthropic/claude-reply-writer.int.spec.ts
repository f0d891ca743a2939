import { templateReply, templateReplyWriter, type Qualification, type ReplyRequest } from '@naxio/domain';
import { anthropicSandboxPerTest } from './anthropic-sandbox.test-support';
import { ClaudeReplyWriter, type ClaudeReplyWriterOptions } from './claude-reply-writer';
import { peakComfort } from '../../../test/support/tenants';


const tenant = peakComfort({ coverage: { zips: ['78701'], cities: ['Austin'] } });

const qualification: Qualification = {
  urgency: 'scheduled',
  serviceType: 'hvac',
  subCategory: 'no-cooling',
  serviceArea: { zip: null, city: null, inArea: null },
  intent: 'high',
  summary: 'AC blowing warm air',
  source: 'claude',
  model: 'claude-model-under-test',
};

function request(overrides: Partial<Qualification> = {}): ReplyRequest {
  return {
    tenant,
    at: new Date('2026-11-30T16:05:00Z'), // Monday 10:05 in Chicago: open
    conversation: [
      { from: 'business', text: "Hi, this is Jordan from Peak Comfort HVAC. What's going on with your heating or cooling today?", at: '2026-11-30T16:00:00Z' },
      { from: 'lead', text: 'My AC is blowing warm air', at: '2026-11-30T16:04:00Z' },
    ],
    qualification: { ...qualification, ...overrides },
    offeredSlots: [],
  };
}

const claude = anthropicSandboxPerTest();

function writer(overrides: Partial<ClaudeReplyWriterOptions> = {}): ClaudeReplyWriter {
  return new ClaudeReplyWriter({ ...claude.clientOptions(), model: 'claude-model-under-test', budgetMs: 2000, fallback: templateReplyWriter, ...overrides });
}

const bodyOf = (index: number) => claude.sandbox.requests()[index]!.body as Record<string, any>;

describe('ClaudeReplyWriter against the Anthropic sandbox', () => {
  it("returns Claude's text and asks it in the persona, with the conversation and what is missing", async () => {
    const claudeText = "Sorry to hear the AC is blowing warm air! What's the address or ZIP code for the job?";
    claude.sandbox.script({ text: claudeText });
    await expect(writer().write(request())).resolves.toBe(claudeText);
    expect(claude.fallbacks).toEqual([]);
    const body = bodyOf(0);
    expect(body.tools).toBeUndefined();
    expect(body.system).toContain('from Jordan at Peak Comfort HVAC');
    expect(body.system).toContain('Never quote prices');
    expect(body.messages[0].content).toContain('Lead: My AC is blowing warm air');
    expect(body.messages[0].content).toContain('Still missing: the address or ZIP code of the job.');
  });

  it('sends the template instead when Claude quotes a price', async () => {
    claude.sandbox.script({ text: 'No problem! A diagnostic visit is $89. What ZIP code are you in?' });
    await expect(writer().write(request())).resolves.toBe(templateReply(request()));
    expect(claude.fallbacks).toEqual([expect.objectContaining({ code: 'unsafe_reply', detail: 'quotes a price' })]);
  });

  it('sends the template instead when Claude promises a time nobody offered', async () => {
    claude.sandbox.script({ text: 'We can have a tech there at 3 PM today. What is the address?' });
    await expect(writer().write(request())).resolves.toBe(templateReply(request()));
    expect(claude.fallbacks[0]!.detail).toBe('names 3 PM, which is not an offered slot');
  });

  it('tells Claude the job is out of area and passes its decline through', async () => {
    const outside = request({ serviceArea: { zip: '90210', city: 'Beverly Hills', inArea: false } });
    const decline = "Thanks for reaching out! Unfortunately Peak Comfort HVAC doesn't serve Beverly Hills. We hope you find a great local pro.";
    claude.sandbox.script({ text: decline });
    await expect(writer().write(outside)).resolves.toBe(decline);
    expect(bodyOf(0).messages[0].content).toContain('The job is OUTSIDE the service area: decline politely and name the company.');
  });

  it('declines out of area with the template, naming the company, when Claude is down', async () => {
    claude.sandbox.script({ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 }, { status: 500 }, { status: 500 });
    const outside = request({ serviceArea: { zip: '90210', city: 'Beverly Hills', inArea: false } });
    const text = await writer({ budgetMs: 600 }).write(outside);
    expect(text).toContain("Peak Comfort HVAC doesn't serve Beverly Hills");
    expect(claude.fallbacks[0]!.code).toBe('budget_exhausted');
  });

  it('falls back when the answer has no text at all', async () => {
    claude.sandbox.script({ malformed: true });
    await expect(writer().write(request())).resolves.toBe(templateReply(request()));
    expect(claude.fallbacks[0]!.code).toBe('invalid_output');
  });

  it('falls back when the reply was cut off at max_tokens', async () => {
    claude.sandbox.script({ text: 'x'.repeat(5000) });
    await expect(writer().write(request())).resolves.toBe(templateReply(request()));
    expect(claude.fallbacks[0]!.detail).toContain('max_tokens');
  });
});
