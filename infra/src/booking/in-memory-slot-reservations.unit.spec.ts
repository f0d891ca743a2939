import { InMemorySlotReservations } from './in-memory-slot-reservations';
import { slotReservationsContract } from './slot-reservations.contract';

slotReservationsContract('in-memory twin', async () => ({ reservations: new InMemorySlotReservations(), teardown: async () => undefined }));
