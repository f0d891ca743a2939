/**
 * PostgreSQL event-store appends per second, on a database of its own (dropped at the end).
 *   npx tsx bench/append/main.ts [--events N] [--writers 1,4,16] [--reps R]
 * Single-event appends with W concurrent writers (each on its own streams) and batches of 10 and 100
 * events per append; repetitions interleave the configurations so drift on a shared machine hits all
 * of them alike. Prints the median per configuration, a bare-INSERT floor beside it, a per-statement
 * profile, the store beside a 4-round-trip candidate append, and peak RSS; the last line is one JSON object.
 */
import { cpus } from 'node:os';
import type { Pool } from 'pg';
import { PostgresEventStore } from '@naxio/infra';
import { listOption, numberOption } from '../lib/cli';
import { openBenchDatabase } from '../lib/database';
import { printJsonLine } from '../lib/json-line';
import { loadAverage, peakRssMb } from '../lib/process-figures';
import { distribution, median, round } from '../lib/stats';
import { compareLean } from './compare-lean';
import { runBareInserts } from './floor';
import { LeanAppend } from '../lib/lean-append';
import { type AppendProfile, profileAppends } from './profile';
import { type AppendConfig, runAppends } from '../lib/appends';

const totalEvents = numberOption('--events', 5000, { min: 100, max: 1_000_000 });
const writerCounts = listOption('--writers', [1, 4, 16]);
const reps = numberOption('--reps', 3, { max: 20 });
const TARGET_BATCHED = 10_000;

const configName = (eventsPerAppend: number, writers: number) => `${eventsPerAppend === 1 ? 'single' : `batch${eventsPerAppend}`} x${writers}`;
const configs: AppendConfig[] = [1, 10, 100].flatMap((eventsPerAppend) => writerCounts.map((writers) => ({ name: configName(eventsPerAppend, writers), eventsPerAppend, writers })));
const single = (writers: number) => configs.find((c) => c.eventsPerAppend === 1 && c.writers === writers)!;
const maxWriters = Math.max(...writerCounts);

async function measureStore(store: PostgresEventStore, pool: Pool) {
  const rates = new Map<string, number[]>(configs.map((c) => [c.name, []]));
  const appendMs = new Map<string, number[]>(configs.map((c) => [c.name, []]));
  const floor = new Map<number, number[]>(writerCounts.map((w) => [w, []]));
  for (let rep = 0; rep < reps; rep++) {
    for (const config of configs) {
      const run = await runAppends(store, config, totalEvents, `r${rep}-${config.name.replace(/\W/g, '')}`);
      rates.get(config.name)!.push(run.events / run.seconds);
      appendMs.get(config.name)!.push(...run.appendMs);
    }
    for (const writers of writerCounts) {
      const bare = await runBareInserts(pool, writers, totalEvents);
      floor.get(writers)!.push(bare.events / bare.seconds);
    }
    console.log(`  repetition ${rep + 1}/${reps} done (load average ${loadAverage()})`);
  }
  const results = configs.map((config) => {
    const runs = rates.get(config.name)!;
    const latency = distribution(appendMs.get(config.name)!, 2);
    return { ...config, eventsPerSecond: Math.round(median(runs)), runs: runs.map(Math.round), appendP50Ms: latency.p50, appendP99Ms: latency.p99 };
  });
  return { results, floor: writerCounts.map((writers) => ({ writers, insertsPerSecond: Math.round(median(floor.get(writers)!)) })) };
}

function printProfile(p: AppendProfile) {
  console.log(`  ${p.config}: ${p.appendMs} ms per append, ${p.roundTripsPerAppend} round trips`);
  for (const [name, ms] of Object.entries(p.perAppendMs)) console.log(`    ${name.padEnd(38)} ${ms.toFixed(3).padStart(8)} ms  ${Math.round((ms / p.appendMs) * 100)} %`);
}

async function main() {
  const db = await openBenchDatabase('append', maxWriters + 2);
  const loadBefore = loadAverage();
  try {
    const settings = await db.pool.query<{ name: string; setting: string }>(`SELECT name, setting FROM pg_settings WHERE name IN ('synchronous_commit','fsync','wal_sync_method','commit_delay','shared_buffers','server_version')`);
    console.log(`append bench: ${totalEvents} events per run, ${reps} repetitions, writers ${writerCounts.join('/')}`);
    console.log(`  postgres: ${settings.rows.map((r) => `${r.name}=${r.setting}`).join(' ')}; load average ${loadBefore} on ${cpus().length} cores`);
    const store = new PostgresEventStore(db.pool);
    await runAppends(store, { name: 'warm-up', eventsPerAppend: 1, writers: 4 }, 400, 'warm');

    const { results, floor } = await measureStore(store, db.pool);
    console.log('\n  configuration   events/s (median)   runs                      append latency');
    for (const r of results) console.log(`  ${r.name.padEnd(15)} ${String(r.eventsPerSecond).padStart(10)}          ${r.runs.join(', ').padEnd(25)} p50 ${r.appendP50Ms} ms  p99 ${r.appendP99Ms} ms`);
    console.log('\n  bare INSERT per transaction (the floor), and single appends as a share of it');
    for (const { writers, insertsPerSecond } of floor) {
      const rate = results.find((r) => r.name === single(writers).name)!.eventsPerSecond;
      console.log(`  x${writers}: ${insertsPerSecond} inserts/s; single appends ${rate}/s = ${round(rate / insertsPerSecond, 2)}x`);
    }

    const profileEvents = Math.max(200, Math.floor(totalEvents / 5));
    const storeOn = (pool: Pool) => new PostgresEventStore(pool);
    const leanOn = (pool: Pool) => new LeanAppend(pool);
    const profiles = [
      await profileAppends('store', storeOn, db.pool, single(writerCounts[0]!), profileEvents),
      await profileAppends('store', storeOn, db.pool, single(maxWriters), profileEvents),
      await profileAppends('lean', leanOn, db.pool, single(writerCounts[0]!), profileEvents),
    ];
    console.log('\n  where one append spends its time (client-side ms per append, statements timed one by one)');
    profiles.forEach(printProfile);

    const compared = [...writerCounts.map(single), configs.find((c) => c.eventsPerAppend === 100 && c.writers === writerCounts[0])!];
    const lean = await compareLean(db.pool, compared, totalEvents, reps);
    console.log('\n  the store beside a 4-round-trip candidate append (same rows, chain and answers), medians side by side');
    console.log('  configuration   store       candidate (NOTIFY in transaction)   candidate (NOTIFY after commit, coalesced)');
    for (const c of lean.comparisons) {
      console.log(`  ${c.config.padEnd(15)} ${String(c.storeEventsPerSecond).padStart(6)}/s   ${String(c.leanEventsPerSecond).padStart(6)}/s = ${`${c.ratio}x`.padEnd(6)}               ${String(c.leanNotifyAfterCommitEventsPerSecond).padStart(6)}/s = ${c.notifyAfterCommitRatio}x`);
    }
    console.log(`  hash chains verified over every stream written: ${lean.chainBreaks} breaks`);

    const bestBatched = Math.max(...results.filter((r) => r.eventsPerAppend > 1).map((r) => r.eventsPerSecond));
    const loadAfter = loadAverage();
    console.log(`\n  batched target ${TARGET_BATCHED} events/s: best batched median ${bestBatched} events/s (${bestBatched >= TARGET_BATCHED ? 'meets' : 'misses'})`);
    console.log(`  peak RSS ${peakRssMb()} MiB; load average ${loadBefore} → ${loadAfter}`);
    printJsonLine({
      bench: 'append', totalEvents, reps, results, floor, profiles, leanComparison: lean.comparisons, chainBreaks: lean.chainBreaks,
      bestBatchedEventsPerSecond: bestBatched, targetBatched: TARGET_BATCHED, meetsTarget: bestBatched >= TARGET_BATCHED,
      peakRssMb: peakRssMb(), loadAverage: { before: loadBefore, after: loadAfter }, cores: cpus().length,
    });
  } finally {
    await db.drop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
