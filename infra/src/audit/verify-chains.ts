import type { Pool } from 'pg';
import { eventHash } from './hash-chain';

export type ChainBreak = { streamId: string; streamVersion: number; problem: string };
export type VerifyReport = { streams: number; events: number; breaks: ChainBreak[] };

type Row = { event_id: string; stream_id: string; stream_version: number; type: string; data: unknown; metadata: unknown; hash: string | null; previous_hash: string | null };

const PAGE = 5000;

/**
 * Recomputes every stream's hash chain from the stored content and names each place it breaks:
 * content that no longer matches its hash (an edit), a link to the wrong predecessor (a removal or
 * reordering), a gap in the versions.
 */
export async function verifyChains(pool: Pool, onProgress?: (events: number) => void): Promise<VerifyReport> {
  const report: VerifyReport = { streams: 0, events: 0, breaks: [] };
  let current = null as { streamId: string; version: number; hash: string | null } | null;
  let after: [string, number] = ['', -1];
  for (;;) {
    const { rows } = await pool.query<Row>(
      `SELECT event_id, stream_id, stream_version, type, data, metadata, hash, previous_hash FROM events
        WHERE (stream_id, stream_version) > ($1, $2) ORDER BY stream_id, stream_version LIMIT ${PAGE}`,
      after,
    );
    if (rows.length === 0) return report;
    for (const row of rows) {
      if (current?.streamId !== row.stream_id) {
        report.streams += 1;
        current = { streamId: row.stream_id, version: -1, hash: null };
      }
      const at = (problem: string) => report.breaks.push({ streamId: row.stream_id, streamVersion: row.stream_version, problem });
      if (row.stream_version !== current.version + 1) at(`version ${current.version + 1} is missing`);
      if (row.previous_hash !== current.hash) at('does not link to the event before it');
      const expected = eventHash(row.previous_hash, { eventId: row.event_id, streamId: row.stream_id, streamVersion: row.stream_version, type: row.type, data: row.data, metadata: row.metadata });
      if (row.hash !== expected) at('content does not match its hash: the event was changed after it was stored');
      current = { streamId: row.stream_id, version: row.stream_version, hash: row.hash };
      report.events += 1;
    }
    onProgress?.(report.events);
    const last = rows.at(-1)!;
    after = [last.stream_id, last.stream_version];
  }
}
