import { templateCallScript } from '@naxio/domain';
import { ClaudeCallScriptWriter, PostgresSlotReservations, runConsumerProcess, telnyxGatewaysFromEnv } from '@naxio/infra';
import { bookFromReply } from './book-from-reply';
import { startCallback } from './start-callback';

// Jordan's calls and slot bookings: TELNYX_API_KEY, TELNYX_CONNECTION_ID; ANTHROPIC_API_KEY lets
// Claude write Jordan's opening (checked; the template otherwise). The call's webhooks reach
// the ingress, which runs handleCallbackWebhook.
runConsumerProcess('callback', (basics) => {
  const apiKey = process.env.ANTHROPIC_API_KEY;
  const callScript = apiKey ? new ClaudeCallScriptWriter({ apiKey, baseUrl: process.env.ANTHROPIC_BASE_URL, fallback: templateCallScript }) : templateCallScript;
  const deps = { ...basics, ...telnyxGatewaysFromEnv(), reservations: new PostgresSlotReservations(basics.pool), callScript };
  return async (event) => {
    await startCallback(deps, event);
    await bookFromReply(deps, event);
  };
});
