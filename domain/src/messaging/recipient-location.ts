import { areaCodeLocation } from './area-codes';
import type { RecipientLocation } from './quiet-hours';
import { otherZonesInState, stateNamedIn, type UsState, usStateZones } from './us-states';
import { zipLocation } from './zip-prefixes';

export type LocationSource = 'stated-zip' | 'stated-city' | 'area-code' | 'tenant';
export type ResolvedRecipientLocation = RecipientLocation & { source: LocationSource };

export type RecipientLocationHints = {
  /** What the lead said (or Claude extracted): the strongest hint of where their clock is. */
  statedZip?: string | null;
  /** Counts only with a state: "Austin, TX" or "Tulsa, Oklahoma"; a bare city name is skipped. */
  statedCity?: string | null;
  /** The caller's number; its area code is where the number was issued, not where its owner is. */
  phone: string;
  tenantTimezone: string;
  tenantState?: UsState | null;
};

function located(state: UsState, zones: readonly [string, ...string[]], source: LocationSource): ResolvedRecipientLocation {
  const [timezone, ...others] = zones;
  return others.length > 0 ? { timezone, state, otherPossibleTimezones: others, source } : { timezone, state, source };
}

/**
 * Whose clock a text must respect: the lead's stated ZIP, else the state they named with their city,
 * else their area code, else the contractor's own zone (the lead most likely lives where the
 * contractor works). Where a hint spans a zone line, every zone it may mean is returned.
 */
export function recipientLocation(hints: RecipientLocationHints): ResolvedRecipientLocation {
  const fromZip = hints.statedZip ? zipLocation(hints.statedZip) : null;
  if (fromZip) return located(fromZip.state, fromZip.timezones, 'stated-zip');
  const namedState = hints.statedCity ? stateNamedIn(hints.statedCity) : null;
  if (namedState) return located(namedState, [usStateZones[namedState], ...(otherZonesInState[namedState] ?? [])], 'stated-city');
  const fromPhone = areaCodeLocation(hints.phone);
  if (fromPhone) return located(fromPhone.state, fromPhone.timezones, 'area-code');
  return { timezone: hints.tenantTimezone, state: hints.tenantState ?? null, source: 'tenant' };
}
