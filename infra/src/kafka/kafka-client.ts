import { Kafka, logLevel } from 'kafkajs';
import './kafkajs-idle-fix';

export const LEAD_EVENTS_TOPIC = 'lead-events';
export const DEFAULT_PARTITIONS = 6;

/**
 * Settings every consumer of ours shares. A fetch brings at most 2 MiB (kafkajs's default is 10 MiB):
 * at a few hundred bytes an event that is still thousands of events, and a process with several
 * consumers (the projections run three) keeps tens of MB less in flight.
 */
export const CONSUMER_SETTINGS = { sessionTimeout: 10000, heartbeatInterval: 1000, maxBytes: 2 * 1024 * 1024 } as const;

export function createKafka(clientId: string, brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',')): Kafka {
  return new Kafka({
    clientId,
    brokers,
    logLevel: logLevel.ERROR,
    // A broker restart must not kill our processes: keep retrying, with a ceiling on the wait.
    retry: { initialRetryTime: 200, maxRetryTime: 5000, retries: 20 },
  });
}

/** Creating a topic that exists is harmless; every process calls this on start. */
export async function ensureTopic(kafka: Kafka, topic: string, numPartitions = DEFAULT_PARTITIONS): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    // Asking first keeps kafkajs from logging an error for a topic that is simply there already.
    if ((await admin.listTopics()).includes(topic)) return;
    await admin.createTopics({ topics: [{ topic, numPartitions, replicationFactor: 1 }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}
