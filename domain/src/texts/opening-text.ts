import type { Trade, Tenant } from '../tenant/tenant';
import { isWithinBusinessHours, localTime } from '../tenant/local-time';

/** The first thing a caller reads: who we are, that we saw the call, and one question for their trade. */
export const tradeQuestions: Record<Trade, string> = {
  hvac: "What's going on with your heating or cooling today?",
  plumbing: "What's going on with your plumbing today?",
  electrical: 'What electrical issue can we help you with?',
  roofing: "What's going on with your roof?",
  landscaping: 'What can we help you with in your yard?',
};

export const DEFAULT_OPENING =
  'Hi, this is {persona} from {company} — you just called us and we missed you. {question} We want to make sure we get back to you right away.';

export const DEFAULT_OPENING_AFTER_HOURS =
  "{greeting}, this is {persona} from {company}. Our office is closed right now, but we saw your call. {question} If it's an emergency, reply here and we'll alert the on-call tech right away.";

export const openingPlaceholders = ['greeting', 'persona', 'company', 'question', 'trade'] as const;

function greeting(minutes: number): string {
  if (minutes >= 5 * 60 && minutes < 12 * 60) return 'Good morning';
  if (minutes >= 12 * 60 && minutes < 17 * 60) return 'Good afternoon';
  return 'Good evening';
}

export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

export function renderOpeningText(tenant: Tenant, at: Date): { text: string; afterHours: boolean } {
  const local = localTime(at, tenant.timezone);
  const afterHours = !isWithinBusinessHours(tenant.businessHours, local);
  const template = afterHours
    ? (tenant.templates.openingAfterHours ?? DEFAULT_OPENING_AFTER_HOURS)
    : (tenant.templates.opening ?? DEFAULT_OPENING);
  const text = fillTemplate(template, {
    greeting: greeting(local.minutes),
    persona: tenant.persona,
    company: tenant.company,
    question: tenant.templates.question ?? tradeQuestions[tenant.trade],
  });
  return { text, afterHours };
}
