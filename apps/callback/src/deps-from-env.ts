import { templateCallScript, type Clock, type EventStore, type TenantDirectory } from '@naxio/domain';
import { ClaudeCallScriptWriter, PostgresSlotReservations, telnyxGatewaysFromEnv } from '@naxio/infra';
import type { Pool } from 'pg';
import type { CallbackDeps } from './deps';

/**
 * Jordan's dependencies from TELNYX_* and ANTHROPIC_* settings. Two processes need them: the callback
 * consumer that dials, and the ingress that steers the call as its webhooks arrive.
 */
export function callbackDepsFromEnv(basics: { pool: Pool; store: EventStore; tenants: TenantDirectory; clock: Clock; log?: (message: string) => void }, env = process.env): CallbackDeps {
  const apiKey = env.ANTHROPIC_API_KEY;
  const callScript = apiKey ? new ClaudeCallScriptWriter({ apiKey, baseUrl: env.ANTHROPIC_BASE_URL, fallback: templateCallScript }) : templateCallScript;
  return { ...basics, ...telnyxGatewaysFromEnv(env), reservations: new PostgresSlotReservations(basics.pool), callScript };
}
