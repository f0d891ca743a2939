import type { FastifyInstance } from 'fastify';
import { systemClock } from '@naxio/domain';
import { PostgresEventStore, saveTenants } from '@naxio/infra';
import { freshDatabase, type TestDatabase } from '../../../../test/support/postgres';
import { peakComfort } from '../../../../test/support/tenants';
import { createApiKey } from '../api-keys';
import { buildAnalytics } from '../app';

export const peak = peakComfort(); // hvac, America/Chicago
export const blueRiver = peakComfort({ id: 'blue-river', company: 'Blue River Plumbing', trade: 'plumbing', timezone: 'America/Denver', phoneNumbers: ['+13035550100'] });

export type AnalyticsFixture = { db: TestDatabase; store: PostgresEventStore; app: FastifyInstance; keyA: string; keyB: string; close(): Promise<void> };

/** A fresh database with two tenants, a key for each, and the app on top (driven with inject). */
export async function analyticsFixture(label: string): Promise<AnalyticsFixture> {
  const db = await freshDatabase(label);
  await saveTenants(db.pool, [peak, blueRiver]);
  const store = new PostgresEventStore(db.pool);
  const app = await buildAnalytics({ pool: db.pool, store, clock: systemClock });
  const keyA = (await createApiKey(db.pool, peak.id, 'spec')).key;
  const keyB = (await createApiKey(db.pool, blueRiver.id, 'spec')).key;
  return {
    db,
    store,
    app,
    keyA,
    keyB,
    async close() {
      await app.close();
      await db.close();
    },
  };
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
