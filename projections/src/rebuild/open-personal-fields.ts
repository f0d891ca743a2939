import { isSealed, type LeadKeyStore, unseal } from '@naxio/infra';
import type { DataRead, ProjectedEvent } from '../projection';

/** The data fields any of the projections reads, by event type. */
export function dataReadBy(projections: readonly { reads: DataRead }[]): ReadonlyMap<string, readonly string[]> {
  const byType = new Map<string, Set<string>>();
  for (const projection of projections) {
    for (const [type, fields] of Object.entries(projection.reads)) {
      const set = byType.get(type) ?? new Set<string>();
      for (const field of fields ?? []) set.add(field);
      byType.set(type, set);
    }
  }
  return new Map([...byType].map(([type, fields]) => [type, [...fields]]));
}

type Data = Record<string, unknown>;

const NONE: readonly string[] = [];

function sealedFieldsOf(event: ProjectedEvent, read: ReadonlyMap<string, readonly string[]>): readonly string[] {
  const fields = read.get(event.type);
  const data = event.data as Data | null | undefined;
  if (!fields || !data) return NONE;
  let sealed: string[] | undefined;
  for (const field of fields) if (isSealed(data[field])) (sealed ??= []).push(field);
  return sealed ?? NONE;
}

/**
 * The page with the personal fields its projections read opened (or erased where the lead's key is
 * gone), fetching the keys of all its leads in one look-up. Other sealed fields stay sealed: opening a
 * value costs a cipher, and most of an event's personal fields are never shown by a read model.
 */
export async function openPersonalFields(keys: LeadKeyStore, read: ReadonlyMap<string, readonly string[]>, page: readonly ProjectedEvent[]): Promise<readonly ProjectedEvent[]> {
  const sealed = page.map((event) => sealedFieldsOf(event, read));
  const leads = new Set(page.filter((_, i) => sealed[i]!.length > 0).map((e) => e.metadata.streamId));
  if (leads.size === 0) return page;
  const found = await keys.existingKeys([...leads]);
  return page.map((event, i) => {
    const fields = sealed[i]!;
    if (fields.length === 0) return event;
    const { streamId, eventId } = event.metadata;
    const data = { ...(event.data as Data) };
    for (const field of fields) data[field] = unseal(data[field] as string, found.get(streamId) ?? null, { streamId, eventId, type: event.type, field });
    return { ...event, data };
  });
}
