import type { Pool } from 'pg';
import { inTransaction, type LeadKeyStore } from '@naxio/infra';
import { applyEvents, type ProjectedEvent, type Projection } from '../projection';
import { type StageTimes, timedAsync } from '../stage-times';
import { dataReadBy, openPersonalFields } from './open-personal-fields';
import type { History } from './postgres-history';
import { writeToRebuildTables } from './rebuild-tables';

export type RebuildProgress = { replayed: number; position: string | undefined };

export type ReplayOptions = {
  pool: Pool;
  /** History in store order: any event store, or `postgresHistory(pool)`, which reads PostgreSQL's fast. */
  store: History;
  projections: readonly Projection[];
  /** Opens the personal fields the projections read, where `store` hands them out sealed (without it, they stay as read). */
  keys?: LeadKeyStore;
  /** Events per page (default 10,000): each page is read while the one before it is applied. */
  pageSize?: number;
  onProgress?: (progress: RebuildProgress) => void;
  /** Adds up the milliseconds spent per stage: waiting for a page, opening, loading, folding, saving, applying. */
  stages?: StageTimes;
};

const DEFAULT_PAGE_SIZE = 10_000;

/** Waits for every one to settle, so none is still writing when the caller hears of a failure. */
async function allOrFirstError(work: Promise<unknown>[]): Promise<void> {
  const failed = (await Promise.allSettled(work)).find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** The store's history applied to the fresh tables, page by page, remembering how far it got. */
export class Replay {
  replayed = 0;
  last: string | undefined;
  private readonly dataRead: ReadonlyMap<string, readonly string[]>;
  /** For each event type, the projections that handle it. */
  private readonly handlers: ReadonlyMap<string, readonly Projection[]>;

  constructor(
    private readonly options: ReplayOptions,
    private readonly live: string,
  ) {
    this.dataRead = dataReadBy(options.projections);
    const types = new Set(options.projections.flatMap((p) => p.handles));
    this.handlers = new Map([...types].map((type) => [type, options.projections.filter((p) => p.handles.includes(type))]));
  }

  /** The page after `after`, with the personal fields the projections read opened. */
  private read(after: string | undefined): Promise<readonly ProjectedEvent[]> {
    const { store, keys, stages } = this.options;
    const read = store.readAll({ after, limit: this.options.pageSize ?? DEFAULT_PAGE_SIZE, dataOf: [...this.dataRead.keys()] });
    const page = keys ? read.then((events) => timedAsync(stages, 'open', () => openPersonalFields(keys, this.dataRead, events))) : read;
    // Read ahead: a failure surfaces when the page is awaited, or never if applying failed first.
    page.catch(() => undefined);
    return page;
  }

  /**
   * Applies the store's history after `last` to the fresh tables; the number of events applied. The
   * next page is read (and its personal fields opened) while this one is applied.
   */
  async toEnd(): Promise<number> {
    const before = this.replayed;
    const { stages } = this.options;
    let next = this.read(this.last);
    for (;;) {
      const page = await timedAsync(stages, 'wait for page', () => next);
      if (page.length === 0) return this.replayed - before;
      next = this.read(page.at(-1)!.position);
      await this.apply(page);
      this.replayed += page.length;
      this.last = page.at(-1)!.position;
      this.options.onProgress?.({ replayed: this.replayed, position: this.last });
    }
  }

  /** The page's events by the projections that handle them, in one pass. */
  private handledBy(events: readonly ProjectedEvent[]): Map<Projection, ProjectedEvent[]> {
    const handled = new Map<Projection, ProjectedEvent[]>();
    for (const event of events) {
      for (const projection of this.handlers.get(event.type) ?? []) {
        const list = handled.get(projection);
        if (list) list.push(event);
        else handled.set(projection, [event]);
      }
    }
    return handled;
  }

  /**
   * Each projection applies the page in a transaction of its own, side by side with the others: one
   * folds in JavaScript while PostgreSQL saves another's rows. Their tables are disjoint, and nothing
   * reads the fresh copies before the swap, which waits for every page.
   */
  private async apply(page: readonly ProjectedEvent[]): Promise<void> {
    const { stages } = this.options;
    await timedAsync(stages, 'apply', () =>
      allOrFirstError(
        [...this.handledBy(page)].map(([projection, handled]) =>
          inTransaction(this.options.pool, async (tx) => {
            await writeToRebuildTables(tx, this.live);
            await applyEvents(projection, handled, tx, stages);
          }),
        ),
      ),
    );
  }
}
