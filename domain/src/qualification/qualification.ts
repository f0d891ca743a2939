/**
 * What Claude (or the rules, when Claude is slow or away) concludes from a lead's conversation.
 * The same shape whichever source decided, so everything downstream reads one thing.
 */
export const urgencies = ['emergency', 'scheduled', 'inquiry'] as const;
export type Urgency = (typeof urgencies)[number];

export const serviceTypes = ['hvac', 'plumbing', 'electrical', 'roofing', 'landscaping', 'other', 'unknown'] as const;
export type ServiceType = (typeof serviceTypes)[number];

export const intents = ['high', 'low'] as const;
export type Intent = (typeof intents)[number];

export type ServiceArea = {
  zip: string | null;
  city: string | null;
  /** null when the conversation has not said where the job is yet. */
  inArea: boolean | null;
};

export type QualificationSource = 'claude' | 'rules';

export type Qualification = {
  urgency: Urgency;
  serviceType: ServiceType;
  /** Trade-specific, e.g. "no-cooling", "burst-pipe", "sparking-outlet"; "general" when unclear. */
  subCategory: string;
  serviceArea: ServiceArea;
  intent: Intent;
  /** One line for the owner and the dashboard. */
  summary: string;
  source: QualificationSource;
  /** The Claude model id when Claude decided; null for the rules. */
  model: string | null;
};
