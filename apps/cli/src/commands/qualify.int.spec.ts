import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..', '..');
const tenantsFile = join(root, 'bench', 'data', 'tenants.json');

type Run = { code: number | null; stdout: string; stderr: string };

/** `npx naxio qualify …` as a user runs it, with no Anthropic key so the rules answer. */
function naxioQualify(args: string[], stdin: string): Promise<Run> {
  const env = { ...process.env };
  delete env.ANTHROPIC_API_KEY;
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['naxio', 'qualify', ...args], { cwd: root, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const jsonLines = (text: string) => text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>);

describe('naxio qualify', () => {
  it('writes one qualification line per reply, in order, from the rules', async () => {
    const replies = [
      { id: 'a', tenant: 'blue-river-plumbing', text: 'Pipe burst in the basement, water everywhere! 80210' },
      { id: 'b', tenant: 'peak-comfort', text: 'how much for an AC tune up? no rush' },
      { id: 'c', tenant: 'summit-roofing', text: 'Hail damaged our roof, we are in Memphis' },
      { id: 'd', tenant: 'greenleaf-landscaping', text: 'We sell commercial mowers at dealer prices, interested?' },
    ];
    const run = await naxioQualify(['--tenants', tenantsFile], replies.map((r) => JSON.stringify(r)).join('\n'));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(jsonLines(run.stdout)).toEqual([
      { id: 'a', urgency: 'emergency', serviceType: 'plumbing', subCategory: 'burst-pipe', inServiceArea: true, intent: 'high', source: 'rules' },
      { id: 'b', urgency: 'inquiry', serviceType: 'hvac', subCategory: 'tune-up', inServiceArea: null, intent: 'high', source: 'rules' },
      { id: 'c', urgency: 'scheduled', serviceType: 'roofing', subCategory: 'storm-damage', inServiceArea: false, intent: 'high', source: 'rules' },
      { id: 'd', urgency: 'inquiry', serviceType: 'unknown', subCategory: 'general', inServiceArea: null, intent: 'low', source: 'rules' },
    ]);
  });

  it('reports each bad line by number, goes on with the rest, and exits 1', async () => {
    const input = [
      JSON.stringify({ id: '1', tenant: 'peak-comfort', text: 'I smell gas' }),
      '{not json',
      JSON.stringify({ id: '3', tenant: 'nobody', text: 'hello' }),
      JSON.stringify({ id: '4', tenant: 'peak-comfort' }),
      '',
      JSON.stringify({ id: '6', tenant: 'bright-spark-electric', text: 'outlet sparking' }),
    ].join('\n');
    const run = await naxioQualify(['--tenants', tenantsFile], input);
    expect(run.code).toBe(1);
    expect(jsonLines(run.stdout).map((l) => [l.id, l.urgency])).toEqual([['1', 'emergency'], ['6', 'emergency']]);
    const errors = run.stderr.trim().split('\n');
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/^line 2: invalid_reply_line: not JSON/);
    expect(errors[1]).toMatch(/^line 3: unknown_tenant: unknown tenant "nobody"/);
    expect(errors[2]).toMatch(/^line 4: invalid_reply_line: "text"/);
  });

  it('refuses a bad tenants file, naming the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'naxio-qualify-'));
    const file = join(dir, 'tenants.json');
    writeFileSync(file, JSON.stringify([{ id: 'x', company: 'X', trade: 'pest-control', timezone: 'America/Chicago', coverage: { zips: ['7870'], cities: [] } }]));
    const run = await naxioQualify(['--tenants', file], '');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('tenants[0].trade');
    expect(run.stderr).toContain('tenants[0].coverage.zips[0]: must be a 5-digit ZIP');
    expect(run.stdout).toBe('');
  });

  it('asks for --tenants', async () => {
    const run = await naxioQualify([], '');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('usage: naxio qualify --tenants');
  });
});
