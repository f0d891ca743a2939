import type { PoolClient } from 'pg';
import type { CallMissed, StoredEvent, TextSent } from '@naxio/domain';
import type { Projection } from '../projection';
import { tenantLocalDay } from '../tenant-day';

type LatencyEvent = StoredEvent & (CallMissed | TextSent);

/**
 * The clock starts when the missed call reached us (the CallMissed webhook's receipt,
 * metadata.occurredAt: what the contractor can act on) and stops when the opening text is recorded as
 * sent (TextSent.recordedAt). Only the lead's first call counts: a repeat call gets no new opening text.
 */
async function startClock(tx: PoolClient, event: LatencyEvent): Promise<void> {
  await tx.query(
    `INSERT INTO text_back_latency (lead_id, tenant_id, day, missed_at)
     VALUES ($1, $2, ${tenantLocalDay('$3', '$2')}, $3) ON CONFLICT DO NOTHING`,
    [event.metadata.streamId, event.metadata.tenantId, event.metadata.occurredAt],
  );
}

async function stopClock(tx: PoolClient, event: LatencyEvent): Promise<void> {
  await tx.query('UPDATE text_back_latency SET texted_at = COALESCE(texted_at, $2) WHERE lead_id = $1', [event.metadata.streamId, event.recordedAt]);
}

async function applyLatency(event: LatencyEvent, tx: PoolClient): Promise<void> {
  switch (event.type) {
    case 'CallMissed':
      return startClock(tx, event);
    case 'TextSent':
      return event.data.kind === 'opening' ? stopClock(tx, event) : undefined;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/** One row per missed-call lead: how long until the caller had our text (percentiles over these). */
export const textBackLatency: Projection = {
  name: 'text_back_latency',
  handles: ['CallMissed', 'TextSent'],
  tables: ['text_back_latency'],
  apply: (event, tx) => applyLatency(event as LatencyEvent, tx),
};
