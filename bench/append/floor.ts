import type { Pool } from 'pg';
import { callMissedLike } from '../lib/appends';

/**
 * The floor under any durable append: one INSERT of the same JSON per transaction, one round trip,
 * nothing else (no stream lock, no version check, no hash chain). The store cannot beat it with
 * single-event appends; how far below it lands is what its own statements cost.
 */
export async function runBareInserts(pool: Pool, writers: number, totalEvents: number): Promise<{ events: number; seconds: number }> {
  await pool.query('CREATE TABLE IF NOT EXISTS bench_bare_inserts (id bigserial PRIMARY KEY, event_id uuid NOT NULL UNIQUE, data jsonb NOT NULL, metadata jsonb NOT NULL)');
  const perWriter = Math.max(1, Math.floor(totalEvents / writers));
  const writer = async (w: number) => {
    for (let i = 0; i < perWriter; i++) {
      const event = callMissedLike(`bare-${w}`, i);
      await pool.query('INSERT INTO bench_bare_inserts (event_id, data, metadata) VALUES ($1, $2, $3)', [event.metadata.eventId, JSON.stringify(event.data), JSON.stringify(event.metadata)]);
    }
  };
  const began = performance.now();
  await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
  return { events: perWriter * writers, seconds: (performance.now() - began) / 1000 };
}
