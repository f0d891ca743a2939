import { z } from 'zod';
import { intents, serviceTypes, urgencies, type Qualification, type ServiceArea, type Tenant } from '@naxio/domain';
import { ClaudeAnswerUnusable } from './claude-failure';
import type { ClaudeMessage } from './claude-client';
import { QUALIFICATION_TOOL } from './qualification-prompt';

const SUMMARY_MAX = 140;

// Claude writes "" where it means null, and "No Heat" where it means no-heat: accept both spellings.
const emptyToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);
const kebab = (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase().replace(/[\s_]+/g, '-') : value);

const toolInputSchema = z.object({
  urgency: z.enum(urgencies),
  serviceType: z.enum(serviceTypes),
  subCategory: z.preprocess(kebab, z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case').max(40)),
  serviceArea: z.object({
    zip: z.preprocess(emptyToNull, z.string().trim().regex(/^\d{5}(-\d{4})?$/, 'must be a 5-digit ZIP').transform((zip) => zip.slice(0, 5)).nullable()),
    city: z.preprocess(emptyToNull, z.string().trim().min(1).max(80).nullable()),
  }),
  intent: z.enum(intents),
  summary: z
    .string()
    .trim()
    .min(1)
    .transform((summary) => (summary.length > SUMMARY_MAX ? `${summary.slice(0, SUMMARY_MAX - 1)}…` : summary)),
});

/** The qualification in Claude's answer, or ClaudeAnswerUnusable when there is none that fits. */
export function readQualification(message: ClaudeMessage, tenant: Tenant): Qualification {
  if (!Array.isArray(message?.content)) throw new ClaudeAnswerUnusable('malformed_response', 'the answer has no content');
  const call = message.content.find((block) => block.type === 'tool_use' && block.name === QUALIFICATION_TOOL);
  if (!call || call.type !== 'tool_use') {
    throw new ClaudeAnswerUnusable('invalid_output', `no ${QUALIFICATION_TOOL} call (stop_reason ${message.stop_reason})`);
  }
  const parsed = toolInputSchema.safeParse(call.input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`);
    throw new ClaudeAnswerUnusable('invalid_output', problems.join('; '));
  }
  const { zip, city } = parsed.data.serviceArea;
  const serviceArea: ServiceArea = { zip, city, inArea: isInServiceArea(tenant.coverage, zip, city) };
  return { ...parsed.data, serviceArea, source: 'claude', model: message.model };
}

/**
 * Whether the job is inside the tenant's coverage: a lookup, not a judgement, so it is made here
 * rather than by the model. null when what the lead said cannot settle it yet (ask for the ZIP).
 */
export function isInServiceArea(coverage: Tenant['coverage'], zip: string | null, city: string | null): boolean | null {
  if (zip === null && city === null) return null;
  const { zips, cities } = coverage;
  if (zips.length === 0 && cities.length === 0) return true; // no limits configured
  if (zip !== null && zips.includes(zip)) return true;
  if (city !== null && cities.some((covered) => sameCity(covered, city))) return true;
  // Not listed. "Out" only when the list that applies was checked: a city outside the listed cities
  // may still hold a listed ZIP.
  if (zip !== null && zips.length > 0) return false;
  if (city !== null && zips.length === 0) return false;
  return null;
}

const sameCity = (a: string, b: string) => normalizeCity(a) === normalizeCity(b);
const normalizeCity = (city: string) => city.trim().toLowerCase().replace(/\s+/g, ' ').replace(/^(st|saint)\.?\s/, 'saint ');
