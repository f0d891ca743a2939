import { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import { PostgresEventStore } from '@naxio/infra';
import { LeanAppend, type NotifyMode } from '../lib/lean-append';

// What-ifs for the report, off unless asked for. Each measures a proposed change to code outside the
// benches without editing it, by patching a class for the length of a run; each returns its undo.

/**
 * Every consumer created from now on handles up to `partitions` partitions at once (kafkajs'
 * partitionsConsumedConcurrently; order within a partition, so within a lead, is kept). The
 * shipped consumers handle three (PARTITIONS_AT_ONCE).
 */
export function consumePartitionsConcurrently(partitions: number): () => void {
  const original = Kafka.prototype.consumer;
  Kafka.prototype.consumer = function patched(this: Kafka, config) {
    const consumer = original.call(this, config);
    const run = consumer.run.bind(consumer);
    consumer.run = (options) => run({ ...options, partitionsConsumedConcurrently: partitions });
    return consumer;
  };
  return () => void (Kafka.prototype.consumer = original);
}

/**
 * Every PostgresEventStore appends through the candidate in bench/lib/lean-append.ts (4 round trips
 * instead of 8, NOTIFY in the transaction or after commit); repeated ids and version conflicts fall
 * back to the store's own append.
 */
export function appendThroughCandidate(notify: NotifyMode): () => void {
  const original = PostgresEventStore.prototype.appendToStream;
  PostgresEventStore.prototype.appendToStream = function leanAppend(this: PostgresEventStore, streamId, events, expected) {
    const pool = (this as unknown as { pool: Pool }).pool;
    const full = { appendToStream: (...args: Parameters<typeof original>) => original.apply(this, args) };
    return new LeanAppend(pool, notify, full).appendToStream(streamId, events, expected);
  };
  return () => void (PostgresEventStore.prototype.appendToStream = original);
}
