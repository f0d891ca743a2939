import avro from 'avsc';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoredEvent } from '@naxio/domain';
import { createVersionReader } from './version-resolution';

/**
 * Avro encoding of stored events for Kafka. The writer schema's fingerprint travels in a header, so
 * a reader resolves any version it knows into the version it was built against (avsc resolvers).
 */

export const HEADER_EVENT_TYPE = 'event-type';
export const HEADER_FINGERPRINT = 'schema-fingerprint';
export const HEADER_SCHEMA = 'schema-name';

const AVRO_DIR = join(__dirname, '..', 'avro');
const FILE_NAME = /^(?<type>[A-Za-z]+)\.v(?<version>\d+)\.avsc$/;

export type SchemaVersion = { eventType: string; version: number; name: string; fingerprint: string; type: avro.Type };

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/** Every schema file of one event folder, each parsed with the shared metadata record. */
export function loadSchemaVersions(dir = join(AVRO_DIR, 'lead')): SchemaVersion[] {
  const metadata = readJson(join(AVRO_DIR, 'metadata.avsc'));
  return readdirSync(dir)
    .map((file) => ({ file, match: FILE_NAME.exec(file) }))
    .filter(({ match }) => match?.groups)
    .map(({ file, match }) => {
      const registry = {};
      avro.Type.forSchema(metadata as avro.Schema, { registry });
      const type = avro.Type.forSchema(readJson(join(dir, file)) as avro.Schema, { registry });
      return {
        eventType: match!.groups!.type!,
        version: Number(match!.groups!.version),
        name: type.name ?? file,
        fingerprint: type.fingerprint('sha256').toString('hex'),
        type,
      };
    });
}

export type EncodedEvent = { key: string; value: Buffer; headers: Record<string, string> };

export class UnknownSchema extends Error {
  readonly code = 'unknown_schema';
}

export function createEventCodec(versions: SchemaVersion[] = loadSchemaVersions()) {
  const byFingerprint = new Map(versions.map((v) => [v.fingerprint, v]));
  const latest = new Map<string, SchemaVersion>();
  for (const v of versions) if ((latest.get(v.eventType)?.version ?? 0) < v.version) latest.set(v.eventType, v);
  const readers = new Map<string, (value: Buffer) => unknown>();

  function writerFor(eventType: string): SchemaVersion {
    const writer = latest.get(eventType);
    if (!writer) throw new UnknownSchema(`no Avro schema for event type ${eventType}`);
    return writer;
  }

  /** Older versions are read into the latest one; see version-resolution.ts for how names resolve. */
  function readerFor(writer: SchemaVersion, reader: SchemaVersion) {
    const key = `${writer.fingerprint}>${reader.fingerprint}`;
    let read = readers.get(key);
    if (!read) readers.set(key, (read = createVersionReader(reader.type, writer.type)));
    return read;
  }

  return {
    encode(event: StoredEvent): EncodedEvent {
      const writer = writerFor(event.type);
      const { type: _type, ...record } = event;
      return {
        key: event.metadata.streamId,
        value: writer.type.toBuffer(record),
        headers: { [HEADER_EVENT_TYPE]: event.type, [HEADER_FINGERPRINT]: writer.fingerprint, [HEADER_SCHEMA]: writer.name },
      };
    },
    decode(value: Buffer, headers: Record<string, string | undefined>): StoredEvent {
      const fingerprint = headers[HEADER_FINGERPRINT] ?? '';
      const writer = byFingerprint.get(fingerprint);
      if (!writer) throw new UnknownSchema(`no Avro schema with fingerprint ${fingerprint.slice(0, 16)}…`);
      const reader = writerFor(writer.eventType);
      const record = reader === writer ? reader.type.fromBuffer(value) : readerFor(writer, reader)(value);
      return { type: writer.eventType, ...(record as Omit<StoredEvent, 'type'>) };
    },
  };
}

export type EventCodec = ReturnType<typeof createEventCodec>;
