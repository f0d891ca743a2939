import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const KAFKA_SH = join(__dirname, '..', '..', 'infra', 'kafka', 'kafka.sh');

export type OwnKafka = { brokers: string[]; restart(): Promise<void>; stop(): void };

/** A Kafka broker of the chaos spec's own (same script and jars as the shared one), free to restart. */
export function startOwnKafka(port: number): OwnKafka {
  const dir = mkdtempSync(join(tmpdir(), 'naxio-chaos-kafka-'));
  const env = { ...process.env, KAFKA_PORT: String(port), KAFKA_CONTROLLER_PORT: String(port + 1), KAFKA_DATA_DIR: dir, KAFKA_HEAP_OPTS: '-Xmx384m -Xms128m' };
  const run = (command: 'start' | 'stop') => execFileSync('bash', [KAFKA_SH, command], { env, stdio: ['ignore', 'ignore', 'pipe'], timeout: 180_000 });
  const runLater = (command: 'start' | 'stop') => promisify(execFile)('bash', [KAFKA_SH, command], { env, timeout: 180_000 });
  run('start');
  return {
    brokers: [`127.0.0.1:${port}`],
    async restart() {
      await runLater('stop');
      await runLater('start');
    },
    stop() {
      try {
        run('stop');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
