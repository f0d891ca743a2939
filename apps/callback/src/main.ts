import { runConsumerProcess } from '@naxio/infra';
import { bookFromReply, SLOT_CHOICE_TRIGGERS } from './book-from-reply';
import { callbackDepsFromEnv } from './deps-from-env';
import { CALLBACK_TRIGGERS, startCallback } from './start-callback';

// Jordan's calls and slot bookings: TELNYX_API_KEY, TELNYX_CONNECTION_ID; ANTHROPIC_API_KEY lets
// Claude write Jordan's opening (checked; the template otherwise). The call's webhooks reach
// the ingress, which runs handleCallbackWebhook.
runConsumerProcess('callback', [...CALLBACK_TRIGGERS, ...SLOT_CHOICE_TRIGGERS], (basics) => {
  const deps = callbackDepsFromEnv(basics);
  return async (event) => {
    await startCallback(deps, event);
    await bookFromReply(deps, event);
  };
});
