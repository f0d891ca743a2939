import { z } from 'zod';
import { DEFAULT_PERSONA, type Tenant, trades, weekdays } from '@naxio/domain';
import { openingPlaceholders } from '@naxio/domain';

/**
 * The one gate every tenant configuration passes, whether it comes from the seed file or an admin
 * call: what gets past it is a `Tenant` the domain can trust.
 */
const e164 = z.string().regex(/^\+[1-9]\d{7,14}$/, 'must be an E.164 phone number like +15125550100');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)');

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const template = z
  .string()
  .min(1)
  .max(480, 'must fit in three SMS segments (480 characters)')
  .refine((t) => [...t.matchAll(/\{(\w+)\}/g)].every((m) => (openingPlaceholders as readonly string[]).includes(m[1]!)), {
    message: `may only use the placeholders ${openingPlaceholders.map((p) => `{${p}}`).join(' ')}`,
  });

const hours = z
  .object({ open: hhmm, close: hhmm })
  .refine((h) => h.open < h.close, { message: 'open must be before close' });

export const tenantConfigSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'must be lowercase letters, digits and dashes'),
  company: z.string().min(1).max(80),
  trade: z.enum(trades),
  phoneNumbers: z.array(e164).min(1, 'needs at least one Telnyx number'),
  ownerPhone: e164,
  timezone: z.string().refine(isTimeZone, 'must be an IANA time zone like America/Chicago'),
  businessHours: z.partialRecord(z.enum(weekdays), hours),
  persona: z.string().min(1).max(40).default(DEFAULT_PERSONA),
  templates: z
    .object({
      opening: template.optional(),
      openingAfterHours: template.optional(),
      question: z.string().min(1).max(200).optional(),
      followUps: z.tuple([template, template, template, template]).optional(),
    })
    .strict()
    .default({}),
  coverage: z
    .object({ zips: z.array(z.string().regex(/^\d{5}$/, 'must be a 5-digit ZIP')).default([]), cities: z.array(z.string().min(1)).default([]) })
    .default({ zips: [], cities: [] }),
  booking: z
    .object({ technicians: z.number().int().min(1).max(50).default(2), recordCalls: z.boolean().default(false) })
    .strict()
    .default({ technicians: 2, recordCalls: false }),
  crm: z.enum(['jobber', 'housecallpro']).nullable().default(null),
}).strict();

export class InvalidTenantConfig extends Error {
  readonly code = 'invalid_tenant_config';
  constructor(readonly problems: string[]) {
    super(`invalid tenant configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'InvalidTenantConfig';
  }
}

/** Validates a list of tenants and the rules between them (unique ids, one owner per number). */
export function parseTenants(input: unknown): Tenant[] {
  const parsed = z.array(tenantConfigSchema).safeParse(input);
  if (!parsed.success) {
    throw new InvalidTenantConfig(parsed.error.issues.map((i) => `tenants[${i.path.join('.').replace(/^(\d+)\.?/, '$1].')}: ${i.message}`.replace('].:', ']:')));
  }
  const problems: string[] = [];
  const ids = new Set<string>();
  const numbers = new Map<string, string>();
  for (const tenant of parsed.data) {
    if (ids.has(tenant.id)) problems.push(`tenant id "${tenant.id}" is used twice`);
    ids.add(tenant.id);
    for (const number of tenant.phoneNumbers) {
      const owner = numbers.get(number);
      if (owner) problems.push(`number ${number} belongs to both "${owner}" and "${tenant.id}"`);
      numbers.set(number, tenant.id);
    }
  }
  if (problems.length > 0) throw new InvalidTenantConfig(problems);
  return parsed.data;
}
