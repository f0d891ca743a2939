import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEventCodec, HEADER_FINGERPRINT, HEADER_SCHEMA, loadSchemaVersions } from './codec';

/**
 * Messages as producers wrote them to Kafka earlier, kept byte for byte under schemas/avro/testing/
 * messages. Decoding them today proves old events stay readable: a published schema file that was
 * edited in place (instead of getting a new version) changes its fingerprint and fails here.
 */
type Message = { headers: Record<string, string>; valueBase64: string; written: Record<string, unknown> & { type: string } };

const fixtures = join(__dirname, '..', 'avro', 'testing');
const readMessages = <T>(file: string): T => JSON.parse(readFileSync(join(fixtures, 'messages', file), 'utf8')) as T;

describe('an event written with v1 of its schema, read today', () => {
  const sample = readMessages<Message>('Sample.v1.json');
  const versions = loadSchemaVersions(fixtures);
  const [v1, v2] = versions.filter((v) => v.eventType === 'Sample').sort((a, b) => a.version - b.version);

  it('names, by its fingerprint header, the v1 schema file that is still kept', () => {
    expect(sample.headers[HEADER_FINGERPRINT]).toBe(v1!.fingerprint);
    expect(sample.headers[HEADER_SCHEMA]).toBe('naxio.testing.SampleV1');
  });

  it('decodes into the current reader type, v2, with the default for the field v1 did not have', () => {
    const codec = createEventCodec(versions);
    const decoded = codec.decode(Buffer.from(sample.valueBase64, 'base64'), sample.headers);
    const { type: _type, ...record } = decoded;
    expect(v2!.type.isValid(record)).toBe(true);
    expect(decoded).toEqual({ ...sample.written, data: { ...(sample.written.data as object), channel: 'voice' } });
  });

  it('is written again as v2, the version a producer uses now', () => {
    const codec = createEventCodec(versions);
    const decoded = codec.decode(Buffer.from(sample.valueBase64, 'base64'), sample.headers);
    expect(codec.encode(decoded).headers[HEADER_FINGERPRINT]).toBe(v2!.fingerprint);
  });
});

describe('every lead event as the v1 schema files wrote it', () => {
  const { messages } = readMessages<{ messages: Message[] }>('lead.v1.json');
  const versions = loadSchemaVersions();
  const codec = createEventCodec(versions);

  it.each(messages.map((m) => [m.written.type, m] as const))('%s still decodes into the latest version of its schema', (type, message) => {
    const decoded = codec.decode(Buffer.from(message.valueBase64, 'base64'), message.headers);
    const latest = versions.filter((v) => v.eventType === type).sort((a, b) => b.version - a.version)[0]!;
    const { type: decodedType, ...record } = decoded;
    expect(decodedType).toBe(type);
    expect(latest.type.isValid(record)).toBe(true);
    expect(record.metadata).toEqual(message.written.metadata);
    expect(record.streamVersion).toBe(message.written.streamVersion);
  });
});
