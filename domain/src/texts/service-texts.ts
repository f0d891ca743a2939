import type { Tenant } from '../tenant/tenant';

/** Short texts whose wording the law or the owner cares about more than style. */

export const optOutConfirmationText = (tenant: Tenant) =>
  `${tenant.company}: you're unsubscribed and won't get more texts from us. Reply START to resubscribe.`;

export const helpText = (tenant: Tenant) =>
  `${tenant.company}: reply here or call ${tenant.phoneNumbers[0]} and we'll get back to you. Msg & data rates may apply. Reply STOP to opt out.`;

export type EmergencyFacts = { callerPhone: string; summary: string; address: string | null };

export const ownerAlertText = (tenant: Tenant, facts: EmergencyFacts) =>
  `EMERGENCY lead for ${tenant.company}: ${facts.callerPhone}: ${facts.summary}. Address: ${facts.address ?? 'not given yet'}. Call them now.`;

/** What the owner hears when they pick up the alert call; digits are spaced so they are read one by one. */
export const ownerCallScript = (tenant: Tenant, facts: EmergencyFacts) =>
  `This is ${tenant.persona}, the automated assistant for ${tenant.company}, with an emergency lead. ` +
  `${facts.summary}. Caller: ${facts.callerPhone.replace(/^\+1/, '').split('').join(' ')}. ` +
  `${facts.address ? `Location: ${facts.address}. ` : ''}The details are in your texts.`;
