import { eventStoreContract } from './event-store.contract';
import { InMemoryEventStore } from './in-memory-event-store';

eventStoreContract('in-memory twin', async () => ({ store: new InMemoryEventStore(), teardown: async () => undefined }));
