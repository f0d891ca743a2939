import { parseArgs } from 'node:util';
import { createPool, type ForgetLeadResult, forgetLead, migrate, PostgresEventStore, PostgresLeadKeyStore, runtimeEnv } from '@naxio/infra';
import type { Command } from '../command';

const USAGE = 'usage: naxio forget --tenant TENANT --phone +15125550100   erase one caller’s personal data at one contractor';

/** E.164 after dropping the spaces, dots, dashes and brackets people write numbers with. */
function e164(phone: string): string | null {
  const compact = phone.replace(/[\s().-]/g, '');
  return /^\+[1-9]\d{6,14}$/.test(compact) ? compact : null;
}

function parse(args: string[]): { tenantId: string; phone: string } | string {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { tenant: { type: 'string' }, phone: { type: 'string' } }, strict: true }));
  } catch (error) {
    return (error as Error).message;
  }
  if (!values.tenant || !values.phone) return 'both --tenant and --phone are needed';
  const phone = e164(values.phone);
  return phone ? { tenantId: values.tenant, phone } : `--phone must be an E.164 number such as +15125550100`;
}

// The number itself is never printed: this output ends up in terminals and tickets.
function report(result: ForgetLeadResult): string[] {
  const lines = [
    result.outcome === 'forgotten'
      ? `forgot lead ${result.leadId} (tenant ${result.tenantId}): key deleted`
      : `lead ${result.leadId} (tenant ${result.tenantId}) was already forgotten: no key to delete`,
    `event log: ${result.events} events kept (hash chains unchanged); their sealed personal fields now read as [erased]`,
    ...result.readModels.map((m) => `read model ${m.table}: ${m.rows} row${m.rows === 1 ? '' : 's'} scrubbed (${m.columns.join(', ')})`),
  ];
  if (result.readModels.length === 0) lines.push('read models: none with personal columns in this database');
  return lines;
}

export const command: Command = {
  name: 'forget',
  summary: 'erase a caller’s personal data at one contractor (deletes the lead’s key, scrubs read models)',
  async run(args) {
    const request = parse(args);
    if (typeof request === 'string') {
      console.error(`${request}\n${USAGE}`);
      return 2;
    }
    const pool = createPool(runtimeEnv().databaseUrl, 2);
    try {
      await migrate(pool);
      const result = await forgetLead(request, { keys: new PostgresLeadKeyStore(pool), store: new PostgresEventStore(pool), pool });
      if (result.outcome === 'unknown-lead') {
        console.error(`no lead with that number at tenant ${request.tenantId} (lead id ${result.leadId}): nothing to forget`);
        return 1;
      }
      for (const line of report(result)) console.log(line);
      if (result.eventsStoredInClear === 0) return 0;
      console.error(`${result.eventsStoredInClear} events of ${result.leadId} hold personal values stored in clear (before sealing began): forgetting the key cannot erase them`);
      return 1;
    } finally {
      await pool.end();
    }
  },
};
