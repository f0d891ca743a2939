import { weekdays, type Tenant } from '@naxio/domain';
import { parseTenants } from '@naxio/infra';

export const PEAK_COMFORT_PHONE = '+15125550100';

/** Peak Comfort HVAC in Austin, as specs need it; `overrides` are raw configuration fields. */
export function peakComfort(overrides: Record<string, unknown> = {}): Tenant {
  return parseTenants([
    {
      id: 'peak-comfort',
      company: 'Peak Comfort HVAC',
      trade: 'hvac',
      phoneNumbers: [PEAK_COMFORT_PHONE],
      ownerPhone: '+15125550199',
      timezone: 'America/Chicago',
      businessHours: { mon: { open: '07:00', close: '18:00' } },
      ...overrides,
    },
  ])[0]!;
}

/** Open around the clock, so wording a spec checks does not depend on when it runs. */
export const alwaysOpen = Object.fromEntries(weekdays.map((d) => [d, { open: '00:00', close: '23:59' }]));
