import type { Pool } from 'pg';
import type { EventStore } from '@naxio/domain';
import { eventually } from '@naxio/infra';
import { allProjections, type FunnelStage, funnelStages, rebuildProjections } from '@naxio/projections';
import { LeadStory } from '@naxio/projections/src/testing/lead-story';

/**
 * A tenant's month of missed calls for specs: varied paths (unanswered, replied, qualified,
 * escalated, booked and synced, opted out), `count` leads `spacingMs` apart from `start`.
 */
export function scenario(tenantId: string, count: number, start: Date, phonePrefix: string, spacingMs = 7 * 3600000): LeadStory[] {
  return Array.from({ length: count }, (_, i) => {
    const lead = new LeadStory({ tenantId, callerPhone: `${phonePrefix}${String(i).padStart(4, '0')}`, start: new Date(start.getTime() + i * spacingMs) });
    lead.missed();
    if (i % 7 !== 6) lead.texted(800 + (i % 5) * 900);
    if (i % 3 === 0) lead.missed(40000);
    if (i % 2 === 0) lead.replied().qualified({ urgency: i % 6 === 0 ? 'emergency' : 'scheduled', serviceType: i % 4 === 0 ? 'plumbing' : 'hvac' });
    if (i % 6 === 0) lead.escalated();
    if (i % 4 === 0) lead.booked();
    if (i % 8 === 0) lead.synced();
    if (i % 5 === 3) lead.optedOut();
    return lead;
  });
}

/**
 * Appends every story's events in the order they happened, interleaved across leads, and waits until
 * the store's global order shows them all: it only shows events below the oldest transaction still
 * running anywhere on the server, which another spec's transaction can hold back for a moment.
 */
export async function appendInOrder(store: EventStore, stories: readonly LeadStory[]): Promise<void> {
  const events = stories.flatMap((s) => s.events).sort((a, b) => a.metadata.occurredAt.localeCompare(b.metadata.occurredAt));
  for (const event of events) await store.appendToStream(event.metadata.streamId, [event], 'any');
  const appended = events.map((e) => e.metadata.eventId);
  await eventually(async () => {
    const shown = new Set((await store.readAll({ limit: 1_000_000 })).map((e) => e.metadata.eventId));
    return appended.every((id) => shown.has(id)) ? true : undefined;
  }, 30000, 'the store to show every appended event');
}

/** Appends the stories and builds every read model from the store. */
export async function seedReadModels(pool: Pool, store: EventStore, stories: readonly LeadStory[]): Promise<void> {
  await appendInOrder(store, stories);
  await rebuildProjections({ pool, store, projections: allProjections });
}

/** The calendar day of a moment in a time zone, as YYYY-MM-DD. */
export const localDay = (iso: string, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(iso));

const STAGE_OF: Record<string, FunnelStage> = {
  CallMissed: 'missed',
  TextSent: 'texted',
  ReplyReceived: 'replied',
  LeadQualified: 'qualified',
  EmergencyEscalated: 'escalated',
  CallbackBooked: 'booked',
  JobSynced: 'synced',
};

const firstCallDay = (story: LeadStory, timeZone: string) => localDay((story.events.find((e) => e.type === 'CallMissed')!.data as { calledAt: string }).calledAt, timeZone);

/** How a spec groups leads, worked out from the stories: by day, ISO week (its Monday) or trade. */
export const groupOf = {
  day: (timeZone: string) => (story: LeadStory) => firstCallDay(story, timeZone),
  week: (timeZone: string) => (story: LeadStory) => {
    const day = new Date(`${firstCallDay(story, timeZone)}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
    return day.toISOString().slice(0, 10);
  },
  trade: (tenantTrade: string) => (story: LeadStory) => {
    const named = story.events.filter((e) => e.type === 'LeadQualified').map((e) => (e.data as { serviceType: string }).serviceType);
    return named.filter((t) => ['hvac', 'plumbing', 'electrical', 'roofing', 'landscaping'].includes(t)).at(-1) ?? tenantTrade;
  },
};

/** What the funnel should say, worked out from the stories' own events: each lead once per stage. */
export function expectedFunnel(stories: readonly LeadStory[], keyOf: (story: LeadStory) => string): Map<string, Record<FunnelStage, number>> {
  const groups = new Map<string, Record<FunnelStage, number>>();
  for (const story of stories) {
    const key = keyOf(story);
    const counts = groups.get(key) ?? (Object.fromEntries(funnelStages.map((s) => [s, 0])) as Record<FunnelStage, number>);
    for (const stage of new Set(story.events.map((e) => STAGE_OF[e.type]).filter((s) => s !== undefined))) counts[stage] += 1;
    groups.set(key, counts);
  }
  return groups;
}
