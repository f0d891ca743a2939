import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { NewEvent } from '@naxio/domain';
import { ERASED, leadStreamId, PiiProtectingEventStore, PostgresEventStore, PostgresLeadKeyStore } from '@naxio/infra';
import { exampleEvents } from '@naxio/schemas';
import { freshDatabase, type TestDatabase } from '../../../../test/support/postgres';

const root = join(__dirname, '..', '..', '..', '..');
type Run = { code: number | null; stdout: string; stderr: string };

/** `npx naxio …` as an operator runs it, against the spec's database. */
function naxio(args: string[], databaseUrl: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['naxio', ...args], { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const tenantId = 'peak-comfort';
const phone = '+15125550166';
const leadId = leadStreamId(tenantId, phone);
const metadata = () => ({ eventId: randomUUID(), streamId: leadId, tenantId, occurredAt: new Date().toISOString(), correlationId: 'c', causationId: null });
const history: NewEvent[] = [
  { type: 'CallMissed', data: { ...exampleEvents.CallMissed.data, callerPhone: phone }, metadata: metadata() },
  { type: 'ReplyReceived', data: { ...exampleEvents.ReplyReceived.data, callerPhone: phone, text: 'Furnace is banging, 77 Elm St' }, metadata: metadata() },
];

describe('naxio forget', () => {
  let db: TestDatabase;
  let store: PiiProtectingEventStore;
  beforeAll(async () => {
    db = await freshDatabase('cli_forget');
    store = new PiiProtectingEventStore(new PostgresEventStore(db.pool), new PostgresLeadKeyStore(db.pool));
    await store.appendToStream(leadId, history, 'no_stream');
    await db.pool.query(
      `INSERT INTO lead_summary (lead_id, tenant_id, caller_phone, summary, opened_at, last_activity_at, call_count) VALUES ($1, $2, $3, 'Furnace noise', now(), now(), 1)`,
      [leadId, tenantId, phone],
    );
  });
  afterAll(() => db.close());

  it('erases the caller’s data, says what it did, and leaves every hash chain intact', async () => {
    const run = await naxio(['forget', '--tenant', tenantId, '--phone', '+1 (512) 555-0166'], db.url);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.trim().split('\n')).toEqual([
      `forgot lead ${leadId} (tenant ${tenantId}): key deleted`,
      'event log: 2 events kept (hash chains unchanged); their sealed personal fields now read as [erased]',
      'read model public.lead_summary: 1 row scrubbed (caller_phone, summary)',
    ]);
    expect((await store.readStream(leadId)).events.map((e) => [e.type, (e.data as { callerPhone: string }).callerPhone])).toEqual([
      ['CallMissed', ERASED],
      ['ReplyReceived', ERASED],
    ]);
    expect((await db.pool.query('SELECT caller_phone, summary FROM lead_summary')).rows).toEqual([{ caller_phone: ERASED, summary: ERASED }]);
    const audit = await naxio(['audit', 'verify'], db.url);
    expect(audit.code).toBe(0);
    expect(audit.stdout).toContain('1 streams, 2 events, 0 breaks');
  });

  it('exits 1 for a number with no lead at the tenant, without echoing the number', async () => {
    const run = await naxio(['forget', '--tenant', tenantId, '--phone', '+15125550999'], db.url);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`no lead with that number at tenant ${tenantId}`);
    expect(run.stderr + run.stdout).not.toContain('5550999');
  });

  it('asks for both options and an E.164 number', async () => {
    const missing = await naxio(['forget', '--tenant', tenantId], db.url);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('usage: naxio forget --tenant');
    const bad = await naxio(['forget', '--tenant', tenantId, '--phone', '555-0166'], db.url);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--phone must be an E.164 number');
  });
});
