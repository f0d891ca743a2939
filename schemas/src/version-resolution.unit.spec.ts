import avro from 'avsc';
import { createVersionReader, namedTypesOf, withVersionAliases } from './version-resolution';

const v1 = avro.Type.forSchema({
  type: 'record',
  name: 'naxio.lead.PingV1',
  fields: [
    { name: 'data', type: { type: 'record', name: 'PingDataV1', fields: [{ name: 'kind', type: { type: 'enum', name: 'PingKindV1', symbols: ['a', 'b'] } }] } },
  ],
});
const v2 = avro.Type.forSchema({
  type: 'record',
  name: 'naxio.lead.PingV2',
  fields: [
    {
      name: 'data',
      type: {
        type: 'record',
        name: 'PingDataV2',
        fields: [
          { name: 'kind', type: { type: 'enum', name: 'PingKindV2', symbols: ['a', 'b'] } },
          { name: 'note', type: ['null', 'string'], default: null },
        ],
      },
    },
  ],
});

describe('reading one version of an event as another', () => {
  it("is needed: plain Avro resolution refuses versioned names that differ", () => {
    expect(() => v2.createResolver(v1)).toThrow(/no alias found for naxio.lead.PingV1/);
  });

  it('lists every named type of a schema, nested ones included, fully qualified', () => {
    expect(namedTypesOf(v2)).toEqual(['naxio.lead.PingV2', 'naxio.lead.PingDataV2', 'naxio.lead.PingKindV2']);
  });

  it('reads older data as the newer version, filling defaults, and newer data as the older one', () => {
    const older = v1.toBuffer({ data: { kind: 'b' } });
    expect(createVersionReader(v2, v1)(older)).toEqual({ data: { kind: 'b', note: null } });
    const newer = v2.toBuffer({ data: { kind: 'a', note: 'x' } });
    expect(createVersionReader(v1, v2)(newer)).toEqual({ data: { kind: 'a' } });
  });

  it('aliases only other versions of the same name, keeping aliases the schema declares', () => {
    const other = avro.Type.forSchema({ type: 'record', name: 'naxio.lead.PongV1', aliases: ['naxio.lead.LegacyPong'], fields: [] });
    expect(() => createVersionReader(other, v1)).toThrow(/no alias found/);
    const aliased = withVersionAliases(other, avro.Type.forSchema({ type: 'record', name: 'naxio.lead.PongV7', fields: [] }));
    expect((aliased.schema({ exportAttrs: true }) as { aliases?: string[] }).aliases).toEqual(['naxio.lead.LegacyPong', 'naxio.lead.PongV7']);
  });

  it('still refuses what Avro cannot resolve', () => {
    const v3 = avro.Type.forSchema({ type: 'record', name: 'naxio.lead.PingV3', fields: [{ name: 'data', type: { type: 'record', name: 'PingDataV3', fields: [{ name: 'kind', type: 'long' }] } }] });
    expect(() => createVersionReader(v3, v1)).toThrow(/cannot read/);
  });
});
