import { AnalyticsError } from './errors';

export type DateRange = { from: string; to: string };

/** The schema checks each date; this checks them together. */
export function checkRange(range: DateRange): DateRange {
  if (range.from > range.to) throw new AnalyticsError('invalid_range', `from (${range.from}) is after to (${range.to})`);
  return range;
}
