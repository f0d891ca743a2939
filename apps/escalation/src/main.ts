import { runConsumerProcess, telnyxGatewaysFromEnv } from '@naxio/infra';
import { alertOwner, OWNER_ALERT_TRIGGERS } from './alert-owner';

// Alerts owners about emergencies: TELNYX_API_KEY, TELNYX_CONNECTION_ID (the Call Control app).
runConsumerProcess('escalation', OWNER_ALERT_TRIGGERS, (basics) => {
  const gateways = telnyxGatewaysFromEnv();
  return (event) => alertOwner({ ...basics, ...gateways }, event);
});
