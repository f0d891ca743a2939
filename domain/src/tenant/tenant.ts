/** What Naxio knows about one contractor. Validated at the edge (infra) before it gets here. */
export const trades = ['hvac', 'plumbing', 'electrical', 'roofing', 'landscaping'] as const;
export type Trade = (typeof trades)[number];

export const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof weekdays)[number];

/** "HH:MM" in the tenant's time zone; a missing day means closed all day. */
export type OpeningHours = { open: string; close: string };
export type BusinessHours = Partial<Record<Weekday, OpeningHours>>;

export type MessageTemplates = {
  /** Placeholders: {greeting} {persona} {company} {question}. */
  opening?: string;
  openingAfterHours?: string;
  /** Replaces the trade's default question. */
  question?: string;
  /** The four follow-up texts, 30 minutes, 24 hours, 3 and 7 days after the opening text. */
  followUps?: readonly [string, string, string, string];
};

export type Tenant = {
  id: string;
  company: string;
  trade: Trade;
  /** E.164 numbers on the Telnyx account that ring this contractor. */
  phoneNumbers: readonly string[];
  ownerPhone: string;
  timezone: string;
  businessHours: BusinessHours;
  persona: string;
  templates: MessageTemplates;
  coverage: { zips: readonly string[]; cities: readonly string[] };
  /** How many technicians can be booked at once, and whether Jordan's calls are recorded (default 2, no). */
  booking?: { technicians: number; recordCalls: boolean };
  /** Where booked jobs go; none keeps them in Naxio only. */
  crm?: 'jobber' | 'housecallpro' | null;
};

export const techniciansOf = (tenant: Tenant) => tenant.booking?.technicians ?? 2;

export const DEFAULT_PERSONA = 'Jordan';
