import type { NewEvent, StoredEvent } from '@naxio/domain';
import type { LeadKeyStore } from './lead-key-store';
import { isErased, personalFieldsOf } from './personal-fields';
import { PrivacyError, PrivacyErrorCode } from './privacy-errors';
import { isSealed, seal, unseal } from './sealed-value';

type Data = Record<string, unknown>;

const asData = (data: unknown): Data | null => (data && typeof data === 'object' && !Array.isArray(data) ? (data as Data) : null);

/** Personal fields that hold something; null says "no address", which is not personal. */
const personalValuesOf = (event: NewEvent): string[] => {
  const data = asData(event.data);
  return data ? personalFieldsOf(event.type).filter((f) => data[f] !== undefined && data[f] !== null) : [];
};

/** Any field, not only today's personal ones: a field taken off the table later still opens. */
const sealedFieldsOf = (event: NewEvent): string[] => {
  const data = asData(event.data);
  return data ? Object.keys(data).filter((f) => isSealed(data[f])) : [];
};

/**
 * Personal values stored in clear: events appended before sealing began (or not through the sealing
 * store). Forgetting a key cannot erase them. Erased markers do not count.
 */
export const clearPersonalFieldsOf = (event: NewEvent): string[] => {
  const data = asData(event.data);
  return data ? personalValuesOf(event).filter((f) => !isSealed(data[f]) && !isErased(data[f])) : [];
};

const contextOf = (event: NewEvent, field: string) => ({ streamId: event.metadata.streamId, eventId: event.metadata.eventId, type: event.type, field });

/** A lead's key seals only its own stream's events: anything else would be erased with the wrong lead. */
function assertOwnStream(streamId: string, events: NewEvent[]): void {
  const stray = events.find((e) => e.metadata.streamId !== streamId && personalValuesOf(e).length > 0);
  if (stray) throw new PrivacyError(PrivacyErrorCode.streamMismatch, `event ${stray.metadata.eventId} names stream ${stray.metadata.streamId} but is appended to ${streamId}`);
}

export const holdPersonalData = (events: NewEvent[]): boolean => events.some((event) => personalValuesOf(event).length > 0);

/**
 * The events with their personal fields sealed under the stream's lead key (created on first use).
 * Events with nothing personal are passed on as they are, so no key is made for them.
 */
export async function concealEvents(keys: LeadKeyStore, streamId: string, events: NewEvent[]): Promise<NewEvent[]> {
  if (!holdPersonalData(events)) return events;
  // Checked before the key is asked for: a stray event must not make a key for the wrong lead.
  assertOwnStream(streamId, events);
  return sealWith(await keys.keyFor(streamId, events[0]!.metadata.tenantId), events);
}

/** The events with their personal fields sealed under `key`, which must be the stream's lead key. */
export function sealEvents(key: Buffer, streamId: string, events: NewEvent[]): NewEvent[] {
  assertOwnStream(streamId, events);
  return sealWith(key, events);
}

function sealWith(key: Buffer, events: NewEvent[]): NewEvent[] {
  const personal = events.map(personalValuesOf);
  return events.map((event, i) => {
    const fields = personal[i]!;
    if (fields.length === 0) return event;
    const data = { ...(event.data as Data) };
    for (const field of fields) data[field] = seal(data[field], key, contextOf(event, field));
    return { ...event, data };
  });
}

/**
 * The events with their sealed fields opened, or ERASED where the lead's key is gone. Values that
 * were never sealed (events stored before sealing began) are returned as they are.
 */
export async function revealEvents<E extends StoredEvent>(keys: LeadKeyStore, events: E[]): Promise<E[]> {
  const sealed = events.map(sealedFieldsOf);
  const leads = [...new Set(events.filter((_, i) => sealed[i]!.length > 0).map((e) => e.metadata.streamId))];
  if (leads.length === 0) return events;
  const found = await keys.existingKeys(leads);
  return events.map((event, i) => {
    const fields = sealed[i]!;
    if (fields.length === 0) return event;
    const key = found.get(event.metadata.streamId) ?? null;
    const data = { ...(event.data as Data) };
    for (const field of fields) data[field] = unseal(data[field] as string, key, contextOf(event, field));
    return { ...event, data };
  });
}
