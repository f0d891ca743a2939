import type { Pool } from 'pg';
import { ERASED } from './personal-fields';

/**
 * Read-model columns that hold a lead's personal values, keyed by lead id. Other read models
 * (daily_funnel*, text_back_latency, follow_up_timers, slot_reservations) hold ids, times, counts
 * and enumerations only. A new read model with personal columns is added here.
 */
export const personalReadModelColumns: readonly { table: string; leadId: string; columns: readonly string[] }[] = [
  { table: 'lead_summary', leadId: 'lead_id', columns: ['caller_phone', 'summary'] },
];

export type ScrubbedReadModel = { table: string; columns: string[]; rows: number };

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Every copy of the table in the database with the columns it actually has: read models may not be
 * migrated everywhere, and a rebuild fills a fresh copy in another schema before swapping it in.
 */
async function copiesOf(pool: Pool, table: string, wanted: readonly string[]): Promise<{ schema: string; columns: string[] }[]> {
  const { rows } = await pool.query<{ schema: string; columns: string[] }>(
    `SELECT n.nspname AS schema, array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attname = ANY($2::text[])
      WHERE c.relname = $1 AND c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      GROUP BY n.nspname ORDER BY n.nspname`,
    [table, wanted],
  );
  return rows;
}

/**
 * Replaces the lead's personal read-model values with the erased marker (what a replay through the
 * sealing store would write; null stays null). Rows stay, so counts and statuses do not change.
 */
export async function scrubReadModels(pool: Pool, leadId: string): Promise<ScrubbedReadModel[]> {
  const scrubbed: ScrubbedReadModel[] = [];
  for (const model of personalReadModelColumns) {
    for (const copy of await copiesOf(pool, model.table, [model.leadId, ...model.columns])) {
      const columns = copy.columns.filter((c) => c !== model.leadId);
      if (columns.length === 0 || !copy.columns.includes(model.leadId)) continue;
      const set = columns.map((c) => `${quoted(c)} = CASE WHEN ${quoted(c)} IS NULL THEN NULL ELSE $2 END`).join(', ');
      const { rowCount } = await pool.query(`UPDATE ${quoted(copy.schema)}.${quoted(model.table)} SET ${set} WHERE ${quoted(model.leadId)} = $1`, [leadId, ERASED]);
      scrubbed.push({ table: `${copy.schema}.${model.table}`, columns, rows: rowCount ?? 0 });
    }
  }
  return scrubbed;
}
