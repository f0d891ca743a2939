import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { withTimeout } from '../infra/src/wait';

/**
 * Finds the services integration specs need and says which it found. With a Docker engine,
 * testcontainers starts PostgreSQL and Kafka; without one (this project's CI machine), the specs use
 * the PostgreSQL at DATABASE_URL and the Kafka broker at KAFKA_BROKERS, starting the broker from the
 * Maven-fetched jars when none answers. Never a silent skip: a missing service fails the run.
 */
async function dockerEngineAnswers(): Promise<boolean> {
  if (process.env.NAXIO_TEST_SERVICES === 'local') return false;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await withTimeout(getContainerRuntimeClient(), 5000, () => 'no container runtime answered');
    return true;
  } catch {
    return false;
  }
}

async function startContainers(): Promise<void> {
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const [postgres, kafka] = await Promise.all([
    new PostgreSqlContainer('postgres:15').withUsername('postgres').withPassword('postgres').start(),
    new KafkaContainer('confluentinc/cp-kafka:7.9.0').withKraft().start(),
  ]);
  process.env.DATABASE_URL = postgres.getConnectionUri();
  process.env.KAFKA_BROKERS = `${kafka.getHost()}:${kafka.getMappedPort(9093)}`;
  (globalThis as { __naxioContainers?: unknown[] }).__naxioContainers = [postgres, kafka];
}

export default async function globalSetup(): Promise<void> {
  if (await dockerEngineAnswers()) {
    await startContainers();
    console.log(`\n[services] testcontainers: PostgreSQL and Kafka in Docker (${process.env.KAFKA_BROKERS})`);
    return;
  }
  process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test';
  process.env.KAFKA_BROKERS ??= '127.0.0.1:9092';
  if (!process.env.NAXIO_SKIP_KAFKA_START) {
    execFileSync('bash', [join(__dirname, '..', 'infra', 'kafka', 'kafka.sh'), 'start'], { stdio: 'inherit' });
  }
  console.log(`\n[services] no Docker engine: local PostgreSQL (${process.env.DATABASE_URL}) and Kafka (${process.env.KAFKA_BROKERS})`);
}
