import { runConsumerProcess, telnyxGatewaysFromEnv } from '@naxio/infra';
import { startScheduler } from './scheduler';
import { indexTimerEvent } from './timer-index';

// Keeps the timer index from the event stream and fires due follow-ups every second. Run as many as
// you like: each timer is claimed by one, and fires once whatever happens.
runConsumerProcess('scheduler-timers', (basics) => {
  const { sms, receiptBaseUrl } = telnyxGatewaysFromEnv();
  const scheduler = startScheduler({ ...basics, sms, receiptBaseUrl }, { intervalMs: 1000 });
  return { handle: (event) => indexTimerEvent(basics.pool, event), stop: () => scheduler.stop() };
});
