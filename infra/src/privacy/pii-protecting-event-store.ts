import type { Pool } from 'pg';
import type { AppendResult, EventStore, ExpectedVersion, NewEvent, StoredEvent, StreamRead, SubscribeOptions, Subscription } from '@naxio/domain';
import type { LeadKeyStore } from './lead-key-store';
import { opensLeadsWithKeys } from './new-lead-keys';
import { concealEvents, holdPersonalData, revealEvents, sealEvents } from './personal-data';
import { newLeadKey } from './sealed-value';
import { cachedLeadKeys } from './cached-lead-key-store';

/**
 * Any event store, with each lead's personal fields sealed under that lead's key on the way in and
 * opened on the way out. What is stored (and hash-chained) is the sealed form, so forgetting a key
 * changes no stored byte: the events, their order, versions, positions and hashes stay; only the
 * personal values read as "[erased]".
 *
 * Over a store that keeps lead keys beside its events (OpensLeadsWithKeys: PostgreSQL), a new lead's
 * key is written by the store itself, so `keys` must read that same database (piiProtected does).
 */
export class PiiProtectingEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly keys: LeadKeyStore,
  ) {}

  async readStream(streamId: string): Promise<StreamRead> {
    const read = await this.inner.readStream(streamId);
    return { version: read.version, events: await revealEvents(this.keys, read.events) };
  }

  async appendToStream(streamId: string, events: NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult> {
    if (expectedVersion === 'no_stream' && opensLeadsWithKeys(this.inner) && holdPersonalData(events)) {
      // A new lead, most likely: its key is made here and stored with its first events, in one commit.
      const leadKey = { leadId: streamId, tenantId: events[0]!.metadata.tenantId, key: newLeadKey() };
      const opened = await this.inner.appendFirstEvents(streamId, sealEvents(leadKey.key, streamId, events), leadKey);
      if (opened) {
        this.keys.stored?.(streamId, leadKey.key);
        return opened;
      }
    }
    return this.inner.appendToStream(streamId, await concealEvents(this.keys, streamId, events), expectedVersion);
  }

  async readAll(options: { after?: string; limit: number }): Promise<StoredEvent[]> {
    return revealEvents(this.keys, await this.inner.readAll(options));
  }

  subscribeToAll(options: SubscribeOptions, handle: (events: StoredEvent[]) => Promise<void>): Subscription {
    return this.inner.subscribeToAll(options, async (events) => handle(await revealEvents(this.keys, events)));
  }
}

/** `store` with lead keys in the same PostgreSQL database (also for an EventStoreDB store). */
export const piiProtected = (store: EventStore, pool: Pool): PiiProtectingEventStore => new PiiProtectingEventStore(store, cachedLeadKeys(pool));
