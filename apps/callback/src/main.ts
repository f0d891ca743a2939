import { PostgresSlotReservations, runConsumerProcess, telnyxGatewaysFromEnv } from '@naxio/infra';
import { bookFromReply } from './book-from-reply';
import { startCallback } from './start-callback';

// Jordan's calls and slot bookings: TELNYX_API_KEY, TELNYX_CONNECTION_ID. The call's webhooks reach
// the ingress, which runs handleCallbackWebhook.
runConsumerProcess('callback', (basics) => {
  const deps = { ...basics, ...telnyxGatewaysFromEnv(), reservations: new PostgresSlotReservations(basics.pool) };
  return async (event) => {
    await startCallback(deps, event);
    await bookFromReply(deps, event);
  };
});
