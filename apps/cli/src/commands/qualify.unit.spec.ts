import { PassThrough } from 'node:stream';
import { type Qualification, type Qualifier, rulesQualifier } from '@naxio/domain';
import { qualifierFromEnv, runQualify, tenantsFromJson } from './qualify';

const tenants = tenantsFromJson([
  { id: 'peak-comfort', company: 'Peak Comfort HVAC', trade: 'hvac', timezone: 'America/Chicago', coverage: { zips: ['78701'], cities: ['Austin'] } },
]);

const fromClaude = (urgency: Qualification['urgency']): Qualifier => ({
  qualify: async () => ({
    urgency, serviceType: 'hvac', subCategory: 'general', serviceArea: { zip: null, city: null, inArea: null },
    intent: 'high', summary: 'model', source: 'claude', model: 'claude-test',
  }),
});

async function collect(lines: string[], qualifier: Qualifier) {
  const input = new PassThrough();
  const output = new PassThrough();
  const errors = new PassThrough();
  let out = '';
  let err = '';
  output.on('data', (c: Buffer) => (out += c.toString()));
  errors.on('data', (c: Buffer) => (err += c.toString()));
  input.end(lines.join('\n'));
  const run = await runQualify(input, output, tenants, qualifier, errors);
  return { run, out, err };
}

describe('qualify command pieces', () => {
  it('maps the tenants file onto the domain tenant with defaults', () => {
    expect(tenants[0]).toMatchObject({ id: 'peak-comfort', trade: 'hvac', persona: 'Jordan', phoneNumbers: [], businessHours: {}, templates: {} });
  });

  it('uses the rules without ANTHROPIC_API_KEY, even when a Claude adapter is offered', () => {
    expect(qualifierFromEnv({})).toBe(rulesQualifier);
    expect(qualifierFromEnv({}, () => fromClaude('inquiry'))).toBe(rulesQualifier);
    expect(qualifierFromEnv({ ANTHROPIC_API_KEY: '  ' })).toBe(rulesQualifier);
  });

  it('puts a configured Claude adapter behind the emergency rules', async () => {
    const qualifier = qualifierFromEnv({ ANTHROPIC_API_KEY: 'sk-test' }, () => fromClaude('inquiry'));
    const { out } = await collect([JSON.stringify({ id: 'g', tenant: 'peak-comfort', text: 'smells like gas by the furnace' })], qualifier);
    expect(JSON.parse(out)).toMatchObject({ id: 'g', urgency: 'emergency', source: 'claude' });
  });

  it('counts lines the qualifier fails on as bad and goes on', async () => {
    const failing: Qualifier = { qualify: async () => Promise.reject(new Error('boom')) };
    const { run, err } = await collect([JSON.stringify({ id: 1, tenant: 'peak-comfort', text: 'hi' })], failing);
    expect(run).toEqual({ qualified: 0, bad: 1 });
    expect(err).toBe('line 1: qualification_failed: qualification failed (boom)\n');
  });
});
