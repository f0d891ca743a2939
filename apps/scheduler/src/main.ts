import { runConsumerProcess, telnyxGatewaysFromEnv } from '@naxio/infra';
import { startScheduler } from './scheduler';
import { indexTimerEvent, TIMER_INDEX_TRIGGERS } from './timer-index';

// Keeps the timer index from the event stream and fires due follow-ups every second. Run as many as
// you like: each timer is claimed by one, and fires once whatever happens.
runConsumerProcess('scheduler-timers', TIMER_INDEX_TRIGGERS, (basics) => {
  const { sms, receiptBaseUrl } = telnyxGatewaysFromEnv();
  const scheduler = startScheduler({ ...basics, sms, receiptBaseUrl }, { intervalMs: 1000 });
  return { handle: (event) => indexTimerEvent(basics.pool, event), stop: () => scheduler.stop() };
});
