import {
  type CallbackBooked,
  type Clock,
  type Crm,
  type CrmKind,
  CrmPermanentError,
  CrmTransientError,
  type LeadEventType,
  type StoredEvent,
  type Tenant,
  type TenantDirectory,
  describeSlot,
  fold,
  leadDecider,
} from '@naxio/domain';
import { type CommandContext, handleCommand } from '@naxio/infra';
import { type SendDeps, sendLeadText } from '@naxio/texter';

export type TenantCrm = { kind: CrmKind; crm: Crm };

export type CrmSyncDeps = SendDeps & {
  tenants: TenantDirectory;
  /** The CRM a tenant books into, if it uses one. */
  crmFor: (tenant: Tenant) => TenantCrm | undefined;
  clock: Clock;
  log?: (message: string) => void;
};

const syncFailedText = (tenant: Tenant, kind: CrmKind, caller: string, when: string, detail: string) =>
  `${tenant.company}: the booking for ${caller} (${when}) could not be added to ${kind === 'jobber' ? 'Jobber' : 'Housecall Pro'}: ${detail}. Please add it by hand.`;

/** The events `syncBookedJob` acts on. */
export const CRM_SYNC_TRIGGERS: readonly LeadEventType[] = ['CallbackBooked'];

/**
 * On CallbackBooked: the customer and the job in the tenant's CRM, then JobSynced with their ids.
 * The adapters find what an interrupted earlier sync created (by phone and booking id), so a
 * redelivery creates nothing twice. Failures that outlast the adapter's retries end in
 * JobSyncFailed and a text to the owner: a booking is never silently left out of the CRM.
 */
export async function syncBookedJob(deps: CrmSyncDeps, event: StoredEvent): Promise<void> {
  if (event.type !== 'CallbackBooked') return;
  const booking = (event as StoredEvent<'CallbackBooked', CallbackBooked['data']>).data;
  const { streamId: leadId, tenantId, eventId, correlationId } = event.metadata;
  const tenant = await deps.tenants.byId(tenantId);
  const target = tenant && deps.crmFor(tenant);
  if (!tenant || !target) return deps.log?.(`crm-sync: no CRM for tenant ${tenantId}; booking ${booking.bookingId} stays in Naxio`);
  const state = fold(leadDecider, (await deps.store.readStream(leadId)).events as never[]);
  if (state.synced.includes(target.kind)) return;
  const context = (): CommandContext => ({ tenantId, now: deps.clock.now(), correlationId, causationId: eventId });
  const caller = state.callerPhone ?? 'unknown';

  try {
    const result = await target.crm.syncJob({
      bookingId: booking.bookingId,
      customer: { name: null, phone: caller, address: booking.address },
      title: `${booking.serviceType.toUpperCase()}: ${booking.summary}`.slice(0, 120),
      description: `Booked by ${tenant.persona} (${booking.bookedVia}). ${booking.summary}`,
      start: booking.slot.start,
      end: booking.slot.end,
    });
    await handleCommand(deps.store, leadDecider, leadId, { type: 'RecordJobSynced', data: { bookingId: booking.bookingId, crm: target.kind, ...result } }, context());
  } catch (error) {
    if (!(error instanceof CrmPermanentError || error instanceof CrmTransientError)) throw error;
    const failure = { bookingId: booking.bookingId, crm: target.kind, code: error.code, detail: error.message };
    await handleCommand(deps.store, leadDecider, leadId, { type: 'RecordJobSyncFailed', data: failure }, context());
    const text = syncFailedText(tenant, target.kind, caller, describeSlot(booking.slot, tenant.timezone), error.message);
    await sendLeadText(deps, { leadId, kind: 'owner-alert', requestId: `${eventId}:crm`, text, recipient: tenant.ownerPhone, context });
  }
}
