import { DEFAULT_DATABASE_URL } from './postgres/pool';
import { LEAD_EVENTS_TOPIC } from './kafka/kafka-client';

/** The settings every Naxio process reads, with the defaults a developer machine needs. */
export function runtimeEnv(env = process.env) {
  return {
    databaseUrl: env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    kafkaBrokers: (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    topic: env.LEAD_EVENTS_TOPIC ?? LEAD_EVENTS_TOPIC,
  };
}

/** Stops cleanly on SIGINT/SIGTERM: consumers leave their group, connections close. */
export function stopOnSignal(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = () => {
    if (stopping) return;
    stopping = true;
    stop().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}
