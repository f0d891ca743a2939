import { leadKeyStoreContract } from './lead-key-store.contract';
import { InMemoryLeadKeyStore } from './lead-key-store';

leadKeyStoreContract('in-memory twin', async () => ({ keys: new InMemoryLeadKeyStore(), teardown: async () => undefined }));
