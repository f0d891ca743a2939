import { startAnthropicSandbox } from '@naxio/anthropic-sandbox';
import type { Qualification, QualificationRequest, Qualifier } from '@naxio/domain';
import { anthropicSandboxPerTest, SANDBOX_API_KEY } from './anthropic-sandbox.test-support';
import { ClaudeQualifier, type ClaudeQualifierOptions } from './claude-qualifier';
import { peakComfort } from '../../../test/support/tenants';

const MODEL = 'claude-model-under-test';

const tenant = peakComfort({ coverage: { zips: ['78701', '78702'], cities: ['Austin'] } });

const request: QualificationRequest = {
  tenant,
  at: new Date('2026-11-30T16:05:00Z'),
  conversation: [
    { from: 'business', text: "Hi, this is Jordan from Peak Comfort HVAC. What's going on with your heating or cooling today?", at: '2026-11-30T16:00:00Z' },
    { from: 'lead', text: 'I smell gas near the furnace, 78701', at: '2026-11-30T16:04:00Z' },
  ],
};

const claudeSays = {
  urgency: 'emergency',
  serviceType: 'hvac',
  subCategory: 'gas-smell',
  serviceArea: { zip: '78701', city: null },
  intent: 'high',
  summary: 'Gas smell near the furnace in 78701',
};

// The rules qualifier's stand-in: a fixed answer, recognisable by its source.
const RULES_ANSWER: Qualification = {
  urgency: 'scheduled',
  serviceType: 'hvac',
  subCategory: 'general',
  serviceArea: { zip: null, city: null, inArea: null },
  intent: 'high',
  summary: 'from the rules',
  source: 'rules',
  model: null,
};
const rules: Qualifier = { qualify: async () => RULES_ANSWER };

const claude = anthropicSandboxPerTest();

function qualifier(overrides: Partial<ClaudeQualifierOptions> = {}): ClaudeQualifier {
  return new ClaudeQualifier({ ...claude.clientOptions(), model: MODEL, budgetMs: 4000, fallback: rules, ...overrides });
}

async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work;
  return { value, ms: Date.now() - started };
}

describe('ClaudeQualifier against the Anthropic sandbox', () => {
  it("returns Claude's structured answer, with the coverage looked up and the model Claude reports", async () => {
    claude.sandbox.script({ toolUse: { name: 'record_qualification', input: claudeSays } });
    const result = await qualifier().qualify(request);
    expect(result).toEqual({ ...claudeSays, serviceArea: { zip: '78701', city: null, inArea: true }, source: 'claude', model: MODEL });
    expect(claude.fallbacks).toEqual([]);
  });

  it('sends the conversation with the tool forced, the definitions in the system prompt and no SDK retries', async () => {
    await qualifier().qualify(request);
    const [sent] = claude.sandbox.requests();
    const body = sent!.body as Record<string, any>;
    expect(body.model).toBe(MODEL);
    expect(body.tool_choice).toEqual({ type: 'tool', name: 'record_qualification' });
    expect(body.tools).toHaveLength(1);
    expect(body.tools[0].name).toBe('record_qualification');
    expect(body.tools[0].input_schema.required).toEqual(['urgency', 'serviceType', 'subCategory', 'serviceArea', 'intent', 'summary']);
    expect(body.system).toContain('carbon monoxide alarm');
    expect(body.messages).toHaveLength(1);
    expect(body.messages[0].role).toBe('user');
    expect(body.messages[0].content).toContain('Lead: I smell gas near the furnace, 78701');
    expect(body.messages[0].content).toContain("Business: Hi, this is Jordan from Peak Comfort HVAC.");
    expect(body.messages[0].content).toContain('ZIP codes 78701, 78702');
    expect(sent!.headers.authorization).toBe(`Bearer ${SANDBOX_API_KEY}`);
    expect(sent!.headers['anthropic-version']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('marks a job outside the listed ZIP codes as out of area', async () => {
    claude.sandbox.script({ toolUse: { name: 'record_qualification', input: { ...claudeSays, serviceArea: { zip: '90210', city: 'Beverly Hills' } } } });
    const result = await qualifier().qualify(request);
    expect(result.serviceArea).toEqual({ zip: '90210', city: 'Beverly Hills', inArea: false });
  });

  it('falls back to the rules when the tool input does not fit the schema', async () => {
    claude.sandbox.script({ malformed: true });
    await expect(qualifier().qualify(request)).resolves.toBe(RULES_ANSWER);
    expect(claude.fallbacks).toEqual([expect.objectContaining({ code: 'invalid_output', attempts: 1 })]);
    expect(claude.sandbox.requests()).toHaveLength(1);
  });

  it('falls back when the body is not JSON', async () => {
    claude.sandbox.script({ garbage: true });
    await expect(qualifier().qualify(request)).resolves.toBe(RULES_ANSWER);
    expect(claude.fallbacks.map((reason) => reason.code)).toEqual(['malformed_response']);
  });

  it('waits out a 429 as retry-after says when that fits in the budget', async () => {
    claude.sandbox.script({ status: 429, retryAfterSeconds: 1 }, { toolUse: { name: 'record_qualification', input: claudeSays } });
    const { value, ms } = await timed(qualifier().qualify(request));
    expect(value.source).toBe('claude');
    expect(claude.sandbox.requests()).toHaveLength(2);
    expect(ms).toBeGreaterThanOrEqual(950);
    expect(ms).toBeLessThan(4000);
  });

  it('gives up at once when retry-after is longer than the budget left', async () => {
    claude.sandbox.script({ status: 429, retryAfterSeconds: 30 }, { toolUse: { name: 'record_qualification', input: claudeSays } });
    const { value, ms } = await timed(qualifier().qualify(request));
    expect(value).toBe(RULES_ANSWER);
    expect(ms).toBeLessThan(1000);
    expect(claude.fallbacks).toEqual([expect.objectContaining({ code: 'budget_exhausted', attempts: 1 })]);
    expect(claude.fallbacks[0]!.detail).toContain('rate_limited');
  });

  it.each([
    ['500 twice', [{ status: 500 as const }, { status: 500 as const }]],
    ['529 once', [{ status: 529 as const }]],
  ])('retries after %s and returns the answer that follows', async (_label, failures) => {
    claude.sandbox.script(...failures, { toolUse: { name: 'record_qualification', input: claudeSays } });
    const result = await qualifier().qualify(request);
    expect(result.source).toBe('claude');
    expect(claude.sandbox.requests()).toHaveLength(failures.length + 1);
    expect(claude.sandbox.requests().map((r) => r.headers['x-stainless-retry-count'])).toEqual(claude.sandbox.requests().map(() => '0'));
  });

  it('falls back within the budget when Claude is slower than the budget', async () => {
    claude.sandbox.script({ delayMs: 5000, then: { toolUse: { name: 'record_qualification', input: claudeSays } } });
    const { value, ms } = await timed(qualifier({ budgetMs: 1000 }).qualify(request));
    expect(value).toBe(RULES_ANSWER);
    expect(ms).toBeGreaterThanOrEqual(900);
    expect(ms).toBeLessThan(1300);
    expect(claude.fallbacks).toEqual([expect.objectContaining({ code: 'budget_exhausted' })]);
    expect(claude.fallbacks[0]!.detail).toContain('timeout');
  });

  it('falls back without retrying when the API key is refused', async () => {
    const result = await qualifier({ apiKey: 'sk-ant-wrong' }).qualify(request);
    expect(result).toBe(RULES_ANSWER);
    expect(claude.sandbox.requests()).toHaveLength(1);
    expect(claude.fallbacks).toEqual([expect.objectContaining({ code: 'authentication', attempts: 1 })]);
  });

  it('keeps retrying a refused connection until the budget is spent, then falls back', async () => {
    const closed = await startAnthropicSandbox({ apiKey: SANDBOX_API_KEY });
    const unreachable = closed.baseUrl;
    await closed.close();
    const { value, ms } = await timed(qualifier({ baseUrl: unreachable, budgetMs: 800 }).qualify(request));
    expect(value).toBe(RULES_ANSWER);
    expect(ms).toBeLessThan(1100);
    expect(claude.fallbacks[0]!.code).toBe('budget_exhausted');
    expect(claude.fallbacks[0]!.attempts).toBeGreaterThan(1);
  });

  it("reads the sandbox's unscripted answer as a plausible qualification (what the demo shows)", async () => {
    const result = await qualifier().qualify(request);
    expect(claude.fallbacks).toEqual([]);
    expect(result).toMatchObject({ urgency: 'emergency', serviceType: 'hvac', subCategory: 'gas-smell', source: 'claude' });
    expect(result.serviceArea).toEqual({ zip: '78701', city: null, inArea: true });
  });
});
