// Jobber schedules visits as a date plus wall-clock times in the account's time zone. The sandbox
// turns them back into instants so specs can compare them with what was booked.

function offsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** "2025-06-03" + "14:00" in America/Chicago → "2025-06-03T19:00:00.000Z". */
export function wallClockToInstant(date: string, time: string, timeZone: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute, second = 0] = time.split(':').map(Number) as [number, number, number?];
  const asIfUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  let instant = asIfUtc - offsetMs(asIfUtc, timeZone);
  // A second pass settles times near a daylight-saving change.
  instant = asIfUtc - offsetMs(instant, timeZone);
  return new Date(instant).toISOString();
}
