import type { EventStore } from '@naxio/domain';

export type Funnel = { missed: number; texted: number; replied: number; qualified: number; escalated: number; booked: number; synced: number; followUps: number };

/** The funnel counted straight from the event store: each lead once per stage. */
export async function funnelFromStore(store: EventStore): Promise<Funnel> {
  const stages = new Map<string, Set<string>>();
  let followUps = 0;
  const mark = (stage: string, lead: string) => stages.set(stage, (stages.get(stage) ?? new Set()).add(lead));
  let after: string | undefined;
  for (;;) {
    const page = await store.readAll({ after, limit: 1000 });
    if (page.length === 0) break;
    for (const e of page) {
      const lead = e.metadata.streamId;
      const data = e.data as { kind?: string };
      if (e.type === 'CallMissed') mark('missed', lead);
      if (e.type === 'TextSent' && data.kind === 'opening') mark('texted', lead);
      if (e.type === 'TextSent' && data.kind === 'follow-up') followUps += 1;
      if (e.type === 'ReplyReceived') mark('replied', lead);
      if (e.type === 'LeadQualified') mark('qualified', lead);
      if (e.type === 'EmergencyEscalated') mark('escalated', lead);
      if (e.type === 'CallbackBooked') mark('booked', lead);
      if (e.type === 'JobSynced') mark('synced', lead);
    }
    after = page.at(-1)!.position;
  }
  const n = (stage: string) => stages.get(stage)?.size ?? 0;
  return { missed: n('missed'), texted: n('texted'), replied: n('replied'), qualified: n('qualified'), escalated: n('escalated'), booked: n('booked'), synced: n('synced'), followUps };
}
