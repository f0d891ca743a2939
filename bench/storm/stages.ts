import type { Pool } from 'pg';
import type { SentMessage } from '@naxio/telnyx-sandbox';
import { type Distribution, distribution } from '../lib/stats';
import type { Published } from './topic-tap';
import type { WebhookPost } from './webhooks';

type Row = { stream_id: string; type: string; recorded_at: Date };

/** Each lead's trip, stage by stage, from the timestamps the pipeline leaves behind. */
export type StageBreakdown = {
  /** webhook sent → CallMissed's append began (HTTP, signature, tenant lookup, stream read). */
  ingress: Distribution;
  /** CallMissed's append began → the relay's producer stamped it (commit, NOTIFY wake, readAll, Avro). */
  relay: Distribution;
  /** published → the texter's claim (TextSendAttempted) began: broker, fetch, waiting behind earlier messages, tenant, stream read. */
  texterQueue: Distribution;
  /** claim began → the SMS request reached the sandbox (claim commit, telnyx SDK, loopback HTTP). */
  smsRequest: Distribution;
  /** leads whose every timestamp was found */
  complete: number;
};

/**
 * recorded_at is PostgreSQL's now(): when the appending transaction began, on the same machine clock
 * as Date.now(). Stages therefore end where the next writer starts its transaction, not at commit.
 */
export async function stageBreakdown(pool: Pool, posts: Map<string, WebhookPost>, leadOf: Map<string, string>, published: Map<string, Published>, texts: Map<string, SentMessage>): Promise<StageBreakdown> {
  const { rows } = await pool.query<Row>(`SELECT stream_id, type, recorded_at FROM events WHERE type IN ('CallMissed', 'TextSendAttempted') ORDER BY position`);
  const firstOf = new Map<string, number>();
  for (const row of rows) {
    const key = `${row.stream_id}|${row.type}`;
    if (!firstOf.has(key)) firstOf.set(key, row.recorded_at.getTime());
  }
  const stages = { ingress: [] as number[], relay: [] as number[], texterQueue: [] as number[], smsRequest: [] as number[] };
  for (const [caller, post] of posts) {
    const lead = leadOf.get(caller)!;
    const missedAt = firstOf.get(`${lead}|CallMissed`);
    const claimedAt = firstOf.get(`${lead}|TextSendAttempted`);
    const publishedAt = published.get(lead)?.createTime;
    const smsAt = texts.get(caller)?.receivedAt;
    if (missedAt === undefined || claimedAt === undefined || publishedAt === undefined || smsAt === undefined) continue;
    stages.ingress.push(missedAt - post.sentAt);
    stages.relay.push(publishedAt - missedAt);
    stages.texterQueue.push(claimedAt - publishedAt);
    stages.smsRequest.push(smsAt - claimedAt);
  }
  return {
    ingress: distribution(stages.ingress),
    relay: distribution(stages.relay),
    texterQueue: distribution(stages.texterQueue),
    smsRequest: distribution(stages.smsRequest),
    complete: stages.ingress.length,
  };
}

/** How many events of each type the storm's leads hold, and so how many appends one lead costs. */
export async function eventCounts(pool: Pool, leads: readonly string[]): Promise<Record<string, number>> {
  const { rows } = await pool.query<{ type: string; n: number }>('SELECT type, count(*)::int AS n FROM events WHERE stream_id = ANY($1::text[]) GROUP BY type ORDER BY n DESC', [leads]);
  return Object.fromEntries(rows.map((r) => [r.type, r.n]));
}
