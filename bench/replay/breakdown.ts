import type { History, StageTimes } from '@naxio/projections';
import { round } from '../lib/stats';

/** CPU seconds of the rebuild's three kinds of process work: this process, and the server reading and writing. */
export type CpuUsed = { nodeMs: number; readerMs: number; writersMs: number };

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`.padStart(8);

/**
 * Where a rebuild's time went. Its pages overlap (the next is read and opened while the projections
 * apply this one, each projection in its own transaction), so wall time splits only into waiting for
 * pages, applying them, and the tables and swap around them; the work inside is shown as CPU per
 * process (Node; the server reading; the server writing) and as time per stage, summed over stages
 * that run side by side.
 */
export function stageBreakdown(stages: StageTimes, rebuildMs: number, cpu: CpuUsed): { lines: string[]; figures: Record<string, number> } {
  const at = (stage: string) => stages[stage] ?? 0;
  const loop = at('wait for page') + at('apply');
  const nodeOther = cpu.nodeMs - at('decode') - at('fold');
  const figures = {
    wallWaitForPage: at('wait for page'),
    wallApply: at('apply'),
    wallTablesAndSwap: rebuildMs - loop,
    nodeCpu: cpu.nodeMs,
    nodeDecode: at('decode'),
    nodeFold: at('fold'),
    nodeOther,
    serverReadCpu: cpu.readerMs,
    serverWriteCpu: cpu.writersMs,
    readQuery: at('query'),
    open: at('open'),
    load: at('load'),
    save: at('save'),
  };
  const lines = [
    `wall ${seconds(rebuildMs)}: waiting for a page ${seconds(figures.wallWaitForPage)}, applying pages ${seconds(figures.wallApply)}, fresh tables and swap ${seconds(figures.wallTablesAndSwap)}`,
    `CPU: this process ${seconds(cpu.nodeMs)} (decoding ${seconds(figures.nodeDecode)}, folding ${seconds(figures.nodeFold)}, the rest — wire protocol, opening sealed fields, JSON of saved rows, garbage collection — ${seconds(nodeOther)})`,
    `     PostgreSQL reading ${seconds(cpu.readerMs)}, PostgreSQL loading and saving rows ${seconds(cpu.writersMs)}`,
    `time per stage, run side by side: reading pages ${seconds(figures.readQuery)}, opening personal fields (with key look-ups) ${seconds(figures.open)}, loading rows ${seconds(figures.load)}, saving rows ${seconds(figures.save)}`,
  ];
  return { lines, figures: Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, round(v, 0)])) };
}

/** Reads the whole history page by page with nothing else running: the floor for any rebuild. */
export async function readAlone(history: History, pageSize: number, dataOf: readonly string[]): Promise<{ ms: number; events: number }> {
  const started = performance.now();
  let events = 0;
  let after: string | undefined;
  for (;;) {
    const page = await history.readAll({ after, limit: pageSize, dataOf });
    if (page.length === 0) return { ms: performance.now() - started, events };
    events += page.length;
    after = page.at(-1)!.position;
  }
}
