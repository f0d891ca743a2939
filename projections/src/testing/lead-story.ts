import { randomUUID } from 'node:crypto';
import type { LeadEvent, NewEvent, Qualification, StoredEvent, TextKind } from '@naxio/domain';
import { leadStreamId } from '@naxio/infra';

export type LeadStoryOptions = { tenantId: string; callerPhone: string; tenantPhone?: string; start: Date };

const qualification: Qualification = {
  urgency: 'scheduled',
  serviceType: 'hvac',
  subCategory: 'no-cooling',
  serviceArea: { zip: '78701', city: 'Austin', inArea: true },
  intent: 'high',
  summary: 'AC blowing warm air',
  source: 'rules',
  model: null,
};

/**
 * One lead's history for specs, written the way the system writes it: each step a lead event with
 * envelope metadata, `afterMs` after the previous one. `events` are ready to append to a store.
 */
export class LeadStory {
  readonly streamId: string;
  readonly events: NewEvent[] = [];
  private at: number;
  private texts = 0;

  constructor(private readonly options: LeadStoryOptions) {
    this.streamId = leadStreamId(options.tenantId, options.callerPhone);
    this.at = options.start.getTime();
  }

  get tenantId(): string {
    return this.options.tenantId;
  }

  private add(event: LeadEvent, afterMs: number): this {
    this.at += afterMs;
    const metadata = { eventId: randomUUID(), streamId: this.streamId, tenantId: this.options.tenantId, occurredAt: new Date(this.at).toISOString(), correlationId: randomUUID(), causationId: null };
    this.events.push({ type: event.type, data: event.data, metadata });
    return this;
  }

  private now = () => new Date(this.at).toISOString();

  missed(afterMs = 0, calledBeforeMs = 20000): this {
    const repeatCall = this.events.some((e) => e.type === 'CallMissed' || e.type === 'ReplyReceived');
    const calledAt = new Date(this.at + afterMs - calledBeforeMs).toISOString();
    const data = { callSessionId: randomUUID(), callerPhone: this.options.callerPhone, tenantPhone: this.options.tenantPhone ?? '+15125550100', reason: 'timeout' as const, calledAt, repeatCall };
    return this.add({ type: 'CallMissed', data }, afterMs);
  }

  texted(afterMs = 1500, kind: TextKind = 'opening'): this {
    const attemptId = `${this.streamId}#${++this.texts}`;
    const to = kind === 'owner-alert' ? '+15125550199' : this.options.callerPhone;
    this.add({ type: 'TextSendAttempted', data: { attemptId, attempt: 1, kind, from: '+15125550100', to, text: 'Hi, sorry we missed you' } }, afterMs);
    return this.add({ type: 'TextSent', data: { attemptId, kind, messageId: randomUUID(), confirmedBy: 'api' } }, 200);
  }

  replied(afterMs = 60000, text = 'AC is out'): this {
    const data = { messageId: randomUUID(), callerPhone: this.options.callerPhone, tenantPhone: '+15125550100', text, receivedAt: new Date(this.at + afterMs).toISOString() };
    return this.add({ type: 'ReplyReceived', data }, afterMs);
  }

  qualified(overrides: Partial<Qualification> = {}, afterMs = 3000): this {
    return this.add({ type: 'LeadQualified', data: { ...qualification, ...overrides, replyMessageId: 'm-last' } }, afterMs);
  }

  escalated(afterMs = 1000): this {
    return this.add({ type: 'EmergencyEscalated', data: { ownerPhone: '+15125550199', summary: 'Gas smell', address: null, decidedBy: 'rules' } }, afterMs);
  }

  booked(afterMs = 600000): this {
    const slot = { slotId: randomUUID(), start: new Date(this.at + 86400000).toISOString(), end: new Date(this.at + 93600000).toISOString() };
    return this.add({ type: 'CallbackBooked', data: { bookingId: `b-${this.streamId}`, slot, address: '12 Oak St', serviceType: 'hvac', summary: 'AC out', bookedVia: 'voice' } }, afterMs);
  }

  synced(afterMs = 2000): this {
    return this.add({ type: 'JobSynced', data: { bookingId: `b-${this.streamId}`, crm: 'jobber', customerId: 'c1', jobId: randomUUID(), customerReused: false } }, afterMs);
  }

  optedOut(afterMs = 30000): this {
    return this.add({ type: 'LeadOptedOut', data: { source: 'keyword', detail: 'STOP' } }, afterMs);
  }

  optedIn(afterMs = 30000): this {
    return this.add({ type: 'LeadOptedIn', data: { source: 'keyword', messageId: randomUUID() } }, afterMs);
  }

  handedOff(afterMs = 30000, note: string | null = null): this {
    return this.add({ type: 'LeadHandedOff', data: { by: 'owner', note } }, afterMs);
  }

  followUpsScheduled(afterMs = 100): this {
    return this.add({ type: 'FollowUpsScheduled', data: { steps: [{ step: 1, dueAt: new Date(this.at + afterMs + 1800000).toISOString() }] } }, afterMs);
  }

  /** The time of the last step, for expectations. */
  lastAt = () => this.now();
}

/** Every story's events in the order they happened, as a store would hand them out (positions grow). */
export function storedInTimeOrder(stories: readonly LeadStory[], recordLagMs = 5): StoredEvent[] {
  const all = stories.flatMap((s) => s.events);
  const ordered = all
    .map((event, i) => ({ event, i }))
    .sort((a, b) => a.event.metadata.occurredAt.localeCompare(b.event.metadata.occurredAt) || a.i - b.i)
    .map(({ event }) => event);
  const versions = new Map<string, number>();
  return ordered.map((event, i) => {
    const streamVersion = versions.get(event.metadata.streamId) ?? 0;
    versions.set(event.metadata.streamId, streamVersion + 1);
    const recordedAt = new Date(Date.parse(event.metadata.occurredAt) + recordLagMs).toISOString();
    return { ...event, streamVersion, position: `${1000 + i}:${i + 1}`, recordedAt };
  });
}
