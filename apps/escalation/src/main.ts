import { runConsumerProcess, telnyxGatewaysFromEnv } from '@naxio/infra';
import { alertOwner } from './alert-owner';

// Alerts owners about emergencies: TELNYX_API_KEY, TELNYX_CONNECTION_ID (the Call Control app).
runConsumerProcess('escalation', (basics) => {
  const gateways = telnyxGatewaysFromEnv();
  return (event) => alertOwner({ ...basics, ...gateways }, event);
});
