import { randomUUID } from 'node:crypto';
import { leadDecider } from '@naxio/domain';
import { createPool, dropDatabase, ensureDatabase, handleCommand, migrate, PostgresEventStore } from '@naxio/infra';
import { claimDueTimers } from '@naxio/scheduler';

// `npx tsx bench/timers/main.ts [--timers N]`: does a large backlog of pending follow-up timers slow
// the hot path (recording a missed call) or the scheduler's claim? Both are measured with an empty
// timer index and again with N pending timers, side by side in one run.
const args = process.argv.slice(2);
const timers = Number(args[args.indexOf('--timers') + 1] || 100_000);
const SAMPLES = 300;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.99)]!;

async function timed(work: () => Promise<unknown>, n = SAMPLES): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    await work();
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out;
}

async function main() {
  const url = `postgres://postgres@127.0.0.1:5432/naxio_bench_timers_${Date.now()}`;
  await ensureDatabase(url);
  const pool = createPool(url);
  await migrate(pool);
  const store = new PostgresEventStore(pool);
  const missedCall = () =>
    handleCommand(store, leadDecider, `lead-bench-${randomUUID()}`, {
      type: 'RecordMissedCall',
      data: { callSessionId: randomUUID(), callerPhone: '+15125550101', tenantPhone: '+15125550100', reason: 'timeout', calledAt: new Date().toISOString() },
    }, { tenantId: 'bench', now: new Date(), correlationId: 'bench', causationId: null });
  // Nothing is due "now" in the past, so a claim measures finding nothing among everything pending.
  const claim = () => claimDueTimers(pool, new Date(), 100, 60_000);

  const before = { append: await timed(missedCall), claim: await timed(claim) };
  const start = Date.now();
  await pool.query(
    `INSERT INTO follow_up_timers (lead_id, step, tenant_id, due_at)
     SELECT 'lead-bench-timer-' || g, 1 + g % 4, 'bench', now() + (g % 10080) * interval '1 minute' FROM generate_series(1, $1) g`,
    [timers],
  );
  await pool.query('ANALYZE follow_up_timers');
  const loadMs = Date.now() - start;
  const after = { append: await timed(missedCall), claim: await timed(claim) };
  // And a claim that finds 100 due among them.
  await pool.query(`UPDATE follow_up_timers SET due_at = now() - interval '1 minute' WHERE lead_id IN (SELECT lead_id FROM follow_up_timers LIMIT 100)`);
  const dueClaim = await timed(() => claimDueTimers(pool, new Date(Date.now() + 3_600_000 * 24 * 8), 100, 1), 1);

  const row = (name: string, a: number[], b: number[]) =>
    console.log(`${name.padEnd(28)} empty index p50 ${median(a).toFixed(2)} ms p99 ${p99(a).toFixed(2)} ms | ${timers} pending p50 ${median(b).toFixed(2)} ms p99 ${p99(b).toFixed(2)} ms | ratio ${(median(b) / median(a)).toFixed(2)}`);
  console.log(`inserted ${timers} pending timers in ${loadMs} ms`);
  row('record a missed call', before.append, after.append);
  row('scheduler claim (none due)', before.claim, after.claim);
  console.log(`scheduler claim of 100 due among ${timers}: ${dueClaim[0]!.toFixed(2)} ms`);
  console.log(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  console.log(
    JSON.stringify({
      timers,
      appendP50Ms: median(after.append),
      appendRatio: median(after.append) / median(before.append),
      claimP50Ms: median(after.claim),
      claimRatio: median(after.claim) / median(before.claim),
      claim100DueMs: dueClaim[0],
    }),
  );
  await pool.end();
  await dropDatabase(url);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
