import type { FollowUpStep } from '../lead/events';
import type { Tenant, Trade } from '../tenant/tenant';
import { fillTemplate, tradeQuestions } from './opening-text';

/**
 * The four nudges after an unanswered text-back, each shorter on patience than the last; the last
 * says it is the last. Tenants may replace any step (`templates.followUps`).
 */
export const DEFAULT_FOLLOW_UPS: Record<FollowUpStep, string> = {
  1: 'Hi again, {persona} from {company} here. Just checking in on your call — {question}',
  2: "{persona} from {company} again. We still have openings if you need help with your {trade} — just reply here and we'll set it up.",
  3: 'Hi, this is {persona} at {company}. Is your {trade} issue sorted? If not, reply with a good time and we will take care of it.',
  4: "Last message from {company}: we won't text again about your call. If you still need {trade} help, just reply here anytime.",
};

const tradeWords: Record<Trade, string> = {
  hvac: 'heating or cooling',
  plumbing: 'plumbing',
  electrical: 'electrical work',
  roofing: 'roof',
  landscaping: 'yard',
};

export function renderFollowUpText(tenant: Tenant, step: FollowUpStep): string {
  const template = tenant.templates.followUps?.[step - 1] ?? DEFAULT_FOLLOW_UPS[step];
  return fillTemplate(template, {
    persona: tenant.persona,
    company: tenant.company,
    trade: tradeWords[tenant.trade],
    question: tenant.templates.question ?? tradeQuestions[tenant.trade],
    greeting: 'Hi',
  });
}
