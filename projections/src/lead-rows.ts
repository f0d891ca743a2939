import type { PoolClient } from 'pg';
import type { ProjectedEvent } from './projection';

/**
 * A read-model table with one row per lead (`lead_id` its key), moved between PostgreSQL and a fold
 * as JSON: times arrive as ISO 8601 text to the microsecond, so a row read and written back is
 * unchanged, and a page's rows go out as one parameter instead of one statement each.
 */
export type LeadTable<Row> = { name: string; columns: readonly (keyof Row & string)[] };

/**
 * The leads whose rows the events may find. A stream whose first event is among them has no earlier
 * event, so no row yet: most of a rebuild's page is new leads, and their look-up is skipped.
 */
export function leadsWithHistory(events: readonly ProjectedEvent[]): string[] {
  const seen = new Set<string>();
  const withHistory: string[] = [];
  for (const { metadata, streamVersion } of events) {
    if (seen.has(metadata.streamId)) continue;
    seen.add(metadata.streamId);
    if (streamVersion > 0) withHistory.push(metadata.streamId);
  }
  return withHistory;
}

export async function loadLeadRows<Row extends { lead_id: string }>(tx: PoolClient, table: LeadTable<Row>, leadIds: readonly string[]): Promise<Map<string, Row>> {
  if (leadIds.length === 0) return new Map();
  const { rows } = await tx.query<{ row: Row }>(
    `SELECT row_to_json(r) AS row FROM (SELECT ${table.columns.join(', ')} FROM ${table.name} WHERE lead_id = ANY($1::text[])) r`,
    [leadIds],
  );
  return new Map(rows.map(({ row }) => [row.lead_id, row]));
}

/** What a fold leaves to save: rows of leads that had none, and rows it found and changed. */
export type LeadRowChanges<Row> = { added: Row[]; changed: Row[] };

/**
 * Saves the fold's rows, as one statement each way. Added rows are plain inserts: a lead without a
 * row found none (or had no earlier event), so a clash would be a bug, and fails loudly.
 */
export async function saveLeadRows<Row>(tx: PoolClient, table: LeadTable<Row>, rows: LeadRowChanges<Row>): Promise<void> {
  const columns = table.columns.join(', ');
  const insert = `INSERT INTO ${table.name} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${table.name}, $1)`;
  if (rows.added.length > 0) await tx.query(insert, [JSON.stringify(rows.added)]);
  if (rows.changed.length === 0) return;
  const replace = table.columns.filter((c) => c !== 'lead_id').map((c) => `${c} = EXCLUDED.${c}`).join(', ');
  await tx.query(`${insert} ON CONFLICT (lead_id) DO UPDATE SET ${replace}`, [JSON.stringify(rows.changed)]);
}

/**
 * A batch's rows by lead, as the fold leaves them. The fold edits its own copy of each row (made once
 * per batch), never the loaded one: a rebuild folds a million events, and a new object per event
 * made the garbage collector its biggest cost.
 */
export class LeadRows<Row> {
  private readonly folded = new Map<string, Row>();
  constructor(
    private readonly loaded: ReadonlyMap<string, Row>,
    private readonly copy: (row: Row) => Row,
  ) {}

  /** The lead's row as the events so far left it; undefined before it has one. */
  get(leadId: string): Row | undefined {
    return this.folded.get(leadId) ?? this.loaded.get(leadId);
  }

  /** The lead's row, to change in place; undefined before it has one. */
  edit(leadId: string): Row | undefined {
    const folded = this.folded.get(leadId);
    if (folded) return folded;
    const loaded = this.loaded.get(leadId);
    if (!loaded) return undefined;
    const copy = this.copy(loaded);
    this.folded.set(leadId, copy);
    return copy;
  }

  /** The first row of a lead that has none. */
  add(leadId: string, row: Row): void {
    this.folded.set(leadId, row);
  }

  changes(): LeadRowChanges<Row> {
    const added: Row[] = [];
    const changed: Row[] = [];
    for (const [lead, row] of this.folded) (this.loaded.has(lead) ? changed : added).push(row);
    return { added, changed };
  }
}
