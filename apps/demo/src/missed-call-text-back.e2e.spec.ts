import { join } from 'node:path';
import { renderOpeningText } from '@naxio/domain';
import { dropDatabase, leadStreamId, eventually } from '@naxio/infra';
import { freshDatabase } from '../../../test/support/postgres';
import { freshTopic, kafkaBrokers } from '../../../test/support/kafka';
import { type LocalSystem, startLocalSystem } from './local-system';

let system: LocalSystem;
let closeDb: () => Promise<void>;

beforeAll(async () => {
  const db = await freshDatabase('e2e');
  await db.pool.end();
  closeDb = () => dropDatabase(db.url);
  system = await startLocalSystem({
    databaseUrl: db.url,
    kafkaBrokers: kafkaBrokers(),
    topic: await freshTopic('e2e'),
    tenantsFile: join(__dirname, '..', '..', '..', 'infra', 'seed', 'tenants.json'),
  });
});
afterAll(async () => {
  await system.stop();
  await closeDb();
});

describe('a missed call becomes a text-back', () => {
  it('texts the caller once, in the tenant’s words, and the lead stream tells the story', async () => {
    const tenant = system.tenants.find((t) => t.id === 'peak-comfort')!;
    const caller = '+15125550321';
    await system.sandboxes.telnyx.ringOut({ from: caller, to: tenant.phoneNumbers[0]!, hangupCause: 'timeout' });

    const [text] = await system.sandboxes.telnyx.waitForMessages(1, { to: caller, timeoutMs: 20000 });
    const leadId = leadStreamId(tenant.id, caller);
    const events = await eventually(async () => {
      const stream = (await system.store.readStream(leadId)).events;
      return stream.some((e) => e.type === 'TextSent') ? stream : undefined;
    }, 20000, 'TextSent');

    expect(events.map((e) => e.type)).toEqual(['CallMissed', 'TextSendAttempted', 'TextSent', 'FollowUpsScheduled']);
    const calledAt = new Date((events[0]!.data as { calledAt: string }).calledAt);
    expect(text!.text).toBe(renderOpeningText(tenant, calledAt).text);
    expect(text!.text).toContain('Peak Comfort HVAC');
    expect(text!.from).toBe(tenant.phoneNumbers[0]);
    expect(events[2]!.data).toMatchObject({ messageId: text!.id });
    // Every event of the lead shares the webhook's correlation id.
    expect(new Set(events.map((e) => e.metadata.correlationId)).size).toBe(1);
  });

  it('folds three calls in two minutes into one lead with one text', async () => {
    const tenant = system.tenants.find((t) => t.id === 'blue-river-plumbing')!;
    const caller = '+13035550321';
    for (let i = 0; i < 3; i++) await system.sandboxes.telnyx.ringOut({ from: caller, to: tenant.phoneNumbers[0]!, hangupCause: i === 1 ? 'originator_cancel' : 'timeout' });
    await system.sandboxes.telnyx.waitForMessages(1, { to: caller, timeoutMs: 20000 });
    const leadId = leadStreamId(tenant.id, caller);
    await eventually(async () => ((await system.store.readStream(leadId)).events.some((e) => e.type === 'TextSent') ? true : undefined), 20000, 'TextSent');
    // Give a second text every chance to appear before asserting there is none.
    await eventually(async () => ((await system.pool.query("SELECT 1 FROM checkpoints WHERE name LIKE 'relay:%'")).rowCount ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(system.sandboxes.telnyx.sentMessages().filter((m) => m.to === caller)).toHaveLength(1);
    const types = (await system.store.readStream(leadId)).events.map((e) => e.type);
    expect(types.filter((t) => t === 'CallMissed')).toHaveLength(3);
    expect(types.filter((t) => t === 'TextSendAttempted')).toHaveLength(1);
  });
});
