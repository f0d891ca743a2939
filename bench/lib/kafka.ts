import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createKafka } from '@naxio/infra';

const ROOT = join(__dirname, '..', '..');

/** The broker KAFKA_BROKERS names, or the local one the infra script starts (a no-op when it runs). */
export function kafkaBrokers(): string[] {
  if (process.env.KAFKA_BROKERS) return process.env.KAFKA_BROKERS.split(',');
  execFileSync('bash', [join(ROOT, 'infra', 'kafka', 'kafka.sh'), 'start'], { stdio: ['ignore', 'ignore', 'inherit'] });
  return ['127.0.0.1:9092'];
}

/** Topics a run made are its own to remove; a failure to remove one is not worth failing the run. */
export async function deleteTopics(brokers: string[], topics: string[]): Promise<void> {
  const admin = createKafka('naxio-bench-admin', brokers).admin();
  await admin.connect();
  await admin.deleteTopics({ topics }).catch(() => undefined);
  await admin.disconnect();
}
