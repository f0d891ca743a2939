import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidTenantConfig, parseTenants } from './tenant-config';

const seed = JSON.parse(readFileSync(join(__dirname, '..', '..', 'seed', 'tenants.json'), 'utf8')) as Array<Record<string, unknown>>;
const problemsOf = (input: unknown) => {
  try {
    parseTenants(input);
    return [];
  } catch (error) {
    if (!(error instanceof InvalidTenantConfig)) throw error;
    return error.problems;
  }
};

describe('tenant configuration', () => {
  it('accepts the seed file and fills defaults', () => {
    const tenants = parseTenants(seed);
    expect(tenants.map((t) => t.id)).toEqual(['peak-comfort', 'blue-river-plumbing', 'summit-roofing']);
    expect(tenants[0]!.templates).toEqual({});
  });

  it('names each field that is wrong', () => {
    const bad = [{ ...seed[0], trade: 'pool-cleaning', ownerPhone: '512-555-0199', timezone: 'Mars/Olympus' }];
    const problems = problemsOf(bad);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/tenants\[0\]\.trade/),
        expect.stringMatching(/tenants\[0\]\.ownerPhone: must be an E\.164/),
        expect.stringMatching(/tenants\[0\]\.timezone: must be an IANA time zone/),
      ]),
    );
  });

  it('refuses unknown template placeholders and closing before opening', () => {
    const bad = [{ ...seed[0], templates: { opening: 'Hi {name}' }, businessHours: { mon: { open: '18:00', close: '07:00' } } }];
    expect(problemsOf(bad)).toEqual(
      expect.arrayContaining([expect.stringMatching(/may only use the placeholders/), expect.stringMatching(/open must be before close/)]),
    );
  });

  it('refuses one number owned by two tenants', () => {
    const bad = [seed[0], { ...seed[1], phoneNumbers: (seed[0] as { phoneNumbers: string[] }).phoneNumbers }];
    expect(problemsOf(bad)).toEqual([expect.stringMatching(/belongs to both "peak-comfort" and "blue-river-plumbing"/)]);
  });
});
