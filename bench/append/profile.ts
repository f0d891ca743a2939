import type { Pool } from 'pg';
import type { EventStore } from '@naxio/domain';
import { round } from '../lib/stats';
import { timedPool } from './sql-timing';
import { type AppendConfig, runAppends } from '../lib/appends';

export type AppendProfile = {
  config: string;
  appendMs: number;
  /** Mean client-side milliseconds per append for each statement, and what is left (JavaScript, pool). */
  perAppendMs: Record<string, number>;
  roundTripsPerAppend: number;
};

/** One extra pass with every statement timed, so the report can say where an append's time goes. */
export async function profileAppends(
  label: string,
  appenderOn: (pool: Pool) => Pick<EventStore, 'appendToStream'>,
  pool: Pool,
  config: AppendConfig,
  totalEvents: number,
): Promise<AppendProfile> {
  const { pool: timed, times } = timedPool(pool);
  const run = await runAppends(appenderOn(timed), config, totalEvents, `prof-${label}-${config.name.replace(/\W/g, '')}`);
  const appends = run.appendMs.length;
  const appendMs = run.appendMs.reduce((sum, ms) => sum + ms, 0) / appends;
  const perAppendMs: Record<string, number> = {};
  let sqlMs = 0;
  let roundTrips = 0;
  for (const [name, { count, totalMs }] of times) {
    perAppendMs[name] = round(totalMs / appends, 3);
    sqlMs += totalMs / appends;
    roundTrips += count;
  }
  perAppendMs['outside SQL (JS, hashing, pool wait)'] = round(appendMs - sqlMs, 3);
  return { config: `${label} ${config.name}`, appendMs: round(appendMs, 3), perAppendMs, roundTripsPerAppend: round(roundTrips / appends, 1) };
}
