import type { QualificationRequest, Qualifier } from '../ports/qualifier';
import type { Qualification } from './qualification';
import { qualifyByRules } from './qualify-by-rules';

/**
 * An emergency either side sees is an emergency: a gas smell the model missed must still page the
 * owner. Everything else (trade, area, summary, source) stays the primary's.
 */
export function withEmergencySafetyNet(primary: Qualification, rules: Qualification): Qualification {
  if (primary.urgency === 'emergency' || rules.urgency !== 'emergency') return primary;
  return { ...primary, urgency: 'emergency' };
}

/**
 * Wraps a primary qualifier (Claude) so that every answer also passes the emergency rules, and the
 * rules answer alone when the primary fails.
 */
export function withRulesSafetyNet(primary: Qualifier): Qualifier {
  return {
    async qualify(request: QualificationRequest): Promise<Qualification> {
      const rules = qualifyByRules(request);
      try {
        return withEmergencySafetyNet(await primary.qualify(request), rules);
      } catch {
        return rules;
      }
    },
  };
}
