import type { Pool } from 'pg';
import { WrongExpectedVersion } from '@naxio/domain';
import { PostgresEventStore, verifyChains } from '@naxio/infra';
import { median, round } from '../lib/stats';
import { LeanAppend } from '../lib/lean-append';
import { type AppendConfig, callMissedLike, runAppends } from '../lib/appends';

export type LeanComparison = { config: string; storeEventsPerSecond: number; leanEventsPerSecond: number; ratio: number; leanNotifyAfterCommitEventsPerSecond: number; notifyAfterCommitRatio: number };

/** The candidate must answer as the store does before its speed means anything. */
async function checkSameAnswers(lean: LeanAppend): Promise<void> {
  const events = [callMissedLike('lean-check', 0), callMissedLike('lean-check', 1)];
  const first = await lean.appendToStream('lean-check', events, -1);
  const retried = await lean.appendToStream('lean-check', events, -1);
  if (retried.position !== first.position || retried.nextExpectedVersion !== 1) throw new Error('lean append: a repeated append is not a no-op');
  const stale = await lean.appendToStream('lean-check', [callMissedLike('lean-check', 2)], 0).catch((e: unknown) => e);
  if (!(stale instanceof WrongExpectedVersion)) throw new Error('lean append: a stale expected version was accepted');
}

/** Store and candidate (notifying in the transaction, and after commit), repetition by repetition on the same database, so both see the same machine. */
export async function compareLean(pool: Pool, configs: AppendConfig[], totalEvents: number, reps: number): Promise<{ comparisons: LeanComparison[]; chainBreaks: number }> {
  const store = new PostgresEventStore(pool);
  const lean = new LeanAppend(pool);
  const leanAfterCommit = new LeanAppend(pool, 'after-commit');
  await checkSameAnswers(lean);
  const rates = new Map<string, { store: number[]; lean: number[]; afterCommit: number[] }>(configs.map((c) => [c.name, { store: [], lean: [], afterCommit: [] }]));
  for (let rep = 0; rep < reps; rep++) {
    for (const config of configs) {
      const tag = `cmp${rep}-${config.name.replace(/\W/g, '')}`;
      const a = await runAppends(store, config, totalEvents, `${tag}-store`);
      const b = await runAppends(lean, config, totalEvents, `${tag}-lean`);
      const c = await runAppends(leanAfterCommit, config, totalEvents, `${tag}-after`);
      rates.get(config.name)!.store.push(a.events / a.seconds);
      rates.get(config.name)!.lean.push(b.events / b.seconds);
      rates.get(config.name)!.afterCommit.push(c.events / c.seconds);
    }
  }
  const comparisons = configs.map((config) => {
    const { store: s, lean: l, afterCommit: a } = rates.get(config.name)!;
    const [storeEventsPerSecond, leanEventsPerSecond, afterCommitPerSecond] = [Math.round(median(s)), Math.round(median(l)), Math.round(median(a))];
    return {
      config: config.name, storeEventsPerSecond, leanEventsPerSecond, ratio: round(leanEventsPerSecond / storeEventsPerSecond, 2),
      leanNotifyAfterCommitEventsPerSecond: afterCommitPerSecond, notifyAfterCommitRatio: round(afterCommitPerSecond / storeEventsPerSecond, 2),
    };
  });
  // Every chain in the database, the store's and the candidate's: the candidate must write the same links.
  const { breaks } = await verifyChains(pool);
  return { comparisons, chainBreaks: breaks.length };
}
