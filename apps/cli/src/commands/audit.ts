import { createPool, piiProtected, PostgresEventStore, runtimeEnv, verifyChains } from '@naxio/infra';
import { loadSchemaVersions } from '@naxio/schemas';
import type { Command } from '../command';

const USAGE = 'usage: naxio audit verify | naxio audit lead <lead id>';

/** Every stream's hash chain, checked from the stored content; exits 1 and names each break. */
async function verify(): Promise<number> {
  const pool = createPool(runtimeEnv().databaseUrl, 2);
  try {
    const report = await verifyChains(pool, (n) => process.stderr.write(`\rchecked ${n} events`));
    process.stderr.write('\n');
    for (const b of report.breaks) console.log(`BROKEN ${b.streamId} v${b.streamVersion}: ${b.problem}`);
    console.log(`${report.streams} streams, ${report.events} events, ${report.breaks.length} breaks`);
    return report.breaks.length === 0 ? 0 : 1;
  } finally {
    await pool.end();
  }
}

/** One lead's whole history from the event store, with what caused each step and its schema. */
async function lead(leadId: string): Promise<number> {
  const pool = createPool(runtimeEnv().databaseUrl, 2);
  try {
    const { events } = await piiProtected(new PostgresEventStore(pool), pool).readStream(leadId);
    if (events.length === 0) {
      console.error(`no lead ${leadId}`);
      return 1;
    }
    const schemaOf = new Map(loadSchemaVersions().map((v) => [v.eventType, v.name]));
    const byId = new Map(events.map((e) => [e.metadata.eventId, e]));
    for (const e of events) {
      const cause = e.metadata.causationId ? byId.get(e.metadata.causationId) : undefined;
      const causedBy = cause ? `v${cause.streamVersion} ${cause.type}` : e.metadata.causationId ? e.metadata.causationId : 'outside request';
      console.log(`v${e.streamVersion}  ${e.metadata.occurredAt}  ${e.type}  [${schemaOf.get(e.type) ?? 'no schema'}]`);
      console.log(`     caused by ${causedBy}; correlation ${e.metadata.correlationId}; event ${e.metadata.eventId}`);
      console.log(`     ${JSON.stringify(e.data)}`);
    }
    return 0;
  } finally {
    await pool.end();
  }
}

export const command: Command = {
  name: 'audit',
  summary: 'verify every stream’s hash chain, or print one lead’s timeline',
  async run(args) {
    const [sub, id] = args;
    if (sub === 'verify') return verify();
    if (sub === 'lead' && id) return lead(id);
    console.error(USAGE);
    return 2;
  },
};
