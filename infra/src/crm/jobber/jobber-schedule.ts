// Jobber schedules a visit as a date plus wall-clock start and end times in the account's time
// zone (TimeframeAttributes.startAt: ISO8601Date; JobSchedulingAttributes.startTime/endTime:
// ISO8601Time). A booking carries instants, so they are read in the account's zone here.
import { CrmPermanentError } from '@naxio/domain';
import { CrmErrorCode } from '../crm-error-codes';

export interface VisitSchedule {
  date: string; // YYYY-MM-DD
  startTime: string; // HH:MM
  endTime: string; // HH:MM
}

function wallClock(instant: Date, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}` };
}

export function visitSchedule(start: string, end: string, timeZone: string): VisitSchedule {
  const startAt = new Date(start);
  const endAt = new Date(end);
  if (Number.isNaN(startAt.getTime()) || Number.isNaN(endAt.getTime()) || endAt <= startAt) {
    throw new CrmPermanentError(CrmErrorCode.rejected, `a booking needs a start before its end (got ${start} – ${end})`);
  }
  const from = wallClock(startAt, timeZone);
  const to = wallClock(endAt, timeZone);
  // One visit is one day in Jobber; a booking that runs past midnight ends at the day's last minute.
  return { date: from.date, startTime: from.time, endTime: to.date === from.date ? to.time : '23:59' };
}
