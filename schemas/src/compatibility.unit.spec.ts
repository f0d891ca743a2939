import { join } from 'node:path';
import avro from 'avsc';
import { leadEventTypes } from '@naxio/domain';
import { createEventCodec, HEADER_FINGERPRINT, loadSchemaVersions, type SchemaVersion } from './codec';
import { checkSchemaEvolution, describeEvolutionProblem } from './compatibility';

const fixtures = join(__dirname, '..', 'avro', 'testing');
const describeAll = (versions: SchemaVersion[]) => checkSchemaEvolution(versions).map(describeEvolutionProblem);

describe('lead event schemas evolve without breaking readers', () => {
  const versions = loadSchemaVersions();

  // Adding CallMissed.v2.avsc that cannot read v1 (or be read by it) fails here, naming both versions.
  it('every version reads the one before and after it, the latest reads them all, names carry versions', () => {
    expect(describeAll(versions)).toEqual([]);
  });

  it('resolves every schema file from the fingerprint header into the latest version of its event', () => {
    const codec = createEventCodec(versions);
    for (const version of versions) {
      const latest = versions.filter((v) => v.eventType === version.eventType).sort((a, b) => b.version - a.version)[0]!;
      const written = version.type.random() as object;
      const { type, ...read } = codec.decode(version.type.toBuffer(written), { [HEADER_FINGERPRINT]: version.fingerprint });
      expect(type).toBe(version.eventType);
      expect(latest.type.isValid(read)).toBe(true);
    }
  });

  it('holds only lead events, never the test fixtures', () => {
    expect(new Set(versions.map((v) => v.eventType))).toEqual(new Set(leadEventTypes));
  });
});

describe('the evolution check on fixtures', () => {
  const fixtureVersions = loadSchemaVersions(fixtures);
  const of = (eventType: string) => fixtureVersions.filter((v) => v.eventType === eventType);

  it('accepts a field added with a default, and versioned names of nested types', () => {
    expect(of('Sample').map((v) => v.name)).toEqual(['naxio.testing.SampleV1', 'naxio.testing.SampleV2']);
    expect(describeAll(of('Sample'))).toEqual([]);
  });

  it('catches a removed required field, naming the event, the versions and the direction', () => {
    expect(describeAll(of('Broken'))).toEqual([
      expect.stringMatching(/^Broken v1 cannot read events written with v2 \(breaking change: consumers still on v1 fail\): .*tenantPhone/),
    ]);
  });

  it('catches a changed field type in both directions', () => {
    expect(describeAll(of('Retyped'))).toEqual([
      'Retyped v2 cannot read events written with v1 (breaking change: old events become unreadable): cannot read "string" as "long"',
      'Retyped v1 cannot read events written with v2 (breaking change: consumers still on v1 fail): cannot read "long" as "string"',
    ]);
  });

  it('catches a latest version that reads its predecessor but no longer the first version', () => {
    const [v1, v2] = of('Sample');
    // v3 keeps v2's `channel` but drops its default: fine for v2 events, which carry it; not for v1's.
    const schema = JSON.parse(JSON.stringify(v2!.type.schema())) as { name: string; fields: { name: string; type: { fields: { name: string; default?: unknown }[] } }[] };
    schema.name = 'naxio.testing.SampleV3';
    delete schema.fields.find((f) => f.name === 'data')!.type.fields.find((f) => f.name === 'channel')!.default;
    const v3: SchemaVersion = { ...v2!, version: 3, name: schema.name, type: avro.Type.forSchema(schema as avro.Schema), fingerprint: 'v3' };
    expect(describeAll([v1!, v2!, v3])).toEqual([
      expect.stringMatching(/^Sample v3, the latest, cannot read events written with v1: .*channel/),
    ]);
  });

  it('catches a record name without its version, a gap between versions and a repeated fingerprint', () => {
    const [v1, v2] = of('Sample');
    const misnamed: SchemaVersion = { ...v2!, name: 'naxio.testing.Sample' };
    const skipped: SchemaVersion = { ...v2!, version: 3, name: 'naxio.testing.SampleV3' };
    expect(describeAll([v1!, misnamed])).toEqual(['Sample v2: record name is naxio.testing.Sample, expected a name ending in SampleV2']);
    expect(describeAll([v1!, skipped])).toEqual([
      'Sample: versions 1, 3; versions must run 1..n',
    ]);
    expect(describeAll([v1!, { ...v1!, eventType: 'Copy', name: 'naxio.testing.CopyV1' }])).toEqual(['Copy v1: same fingerprint as Sample v1']);
  });
});
