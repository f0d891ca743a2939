import { type CallMissed, type Clock, type LeadEventType, type StoredEvent, type TenantDirectory, renderOpeningText } from '@naxio/domain';
import { type SendDeps, sendLeadText } from './send-lead-text';

export type TexterDeps = SendDeps & {
  tenants: TenantDirectory;
  clock: Clock;
  log?: (message: string) => void;
};

/** The events `sendOpeningText` acts on. */
export const OPENING_TEXT_TRIGGERS: readonly LeadEventType[] = ['CallMissed'];

/** On CallMissed: the opening text, once per lead, worded for the time the call came in. */
export async function sendOpeningText(deps: TexterDeps, event: StoredEvent): Promise<void> {
  if (event.type !== 'CallMissed') return;
  const { streamId: leadId, tenantId, eventId, correlationId } = event.metadata;
  const call = (event as StoredEvent<'CallMissed', CallMissed['data']>).data;
  const tenant = await deps.tenants.byId(tenantId);
  if (!tenant) {
    deps.log?.(`texter: lead ${leadId} belongs to unknown tenant ${tenantId}; nothing sent`);
    return;
  }
  await sendLeadText(deps, {
    leadId,
    kind: 'opening',
    requestId: eventId,
    text: renderOpeningText(tenant, new Date(call.calledAt)).text,
    context: () => ({ tenantId, now: deps.clock.now(), correlationId, causationId: eventId }),
  });
}
