import avro from 'avsc';

/**
 * Our Avro names carry their version (`naxio.lead.CallMissedV1`, its `CallMissedDataV1`), so one
 * event's versions are, to Avro, differently named types, and Avro resolves named types only by name
 * or alias. Rather than ask every new schema file to alias every name of every older version (and
 * leave old readers unable to read newer data at all), the reader gets those aliases here: a name
 * `XV<n>` stands for `XV<m>` of the writer. Everything else follows Avro's resolution rules
 * unchanged: added fields need defaults, types must promote, enum symbols must exist.
 */

const VERSION_SUFFIX = /V\d+$/;

type SchemaNode = avro.Schema | SchemaNode[] | { [key: string]: unknown };
type NamedSchema = { name: string; type: string; aliases?: string[]; [key: string]: unknown };

const isNamed = (node: unknown): node is NamedSchema =>
  typeof node === 'object' && node !== null && !Array.isArray(node) && typeof (node as { name?: unknown }).name === 'string' &&
  ['record', 'error', 'enum', 'fixed'].includes(String((node as { type?: unknown }).type));

/** Visits every named type declared in a schema (fully qualified names, as `Type.schema()` gives). */
function eachNamed(node: unknown, visit: (named: NamedSchema) => void): void {
  if (Array.isArray(node)) return node.forEach((branch) => eachNamed(branch, visit));
  if (typeof node !== 'object' || node === null) return;
  const schema = node as { [key: string]: unknown };
  if (isNamed(schema)) visit(schema);
  if (Array.isArray(schema.fields)) for (const field of schema.fields as { type: unknown }[]) eachNamed(field.type, visit);
  if (schema.type === 'array') eachNamed(schema.items, visit);
  if (schema.type === 'map') eachNamed(schema.values, visit);
  if (typeof schema.type === 'object') eachNamed(schema.type, visit);
}

export function namedTypesOf(type: avro.Type): string[] {
  const names: string[] = [];
  eachNamed(type.schema({ exportAttrs: true }), (named) => names.push(named.name));
  return names;
}

export const unversionedName = (name: string): string => name.replace(VERSION_SUFFIX, '');

/** A copy of `reader` whose named types also answer to the writer's other versions of the same name. */
export function withVersionAliases(reader: avro.Type, writer: avro.Type): avro.Type {
  const writerNames = namedTypesOf(writer);
  const schema = JSON.parse(JSON.stringify(reader.schema({ exportAttrs: true }))) as SchemaNode;
  eachNamed(schema, (named) => {
    const base = unversionedName(named.name);
    const versions = writerNames.filter((w) => w !== named.name && VERSION_SUFFIX.test(w) && unversionedName(w) === base);
    if (versions.length > 0) named.aliases = [...new Set([...(named.aliases ?? []), ...versions])];
  });
  return avro.Type.forSchema(schema as avro.Schema);
}

/**
 * Decodes what `writer` wrote as `reader` would hold it. Throws (avsc's own words: `cannot read "X"
 * as "Y"`, `no alias found for …`) when the two versions cannot be resolved.
 */
export function createVersionReader(reader: avro.Type, writer: avro.Type): (value: Buffer) => unknown {
  if (reader.fingerprint('sha256').equals(writer.fingerprint('sha256'))) return (value) => reader.fromBuffer(value);
  const aliased = withVersionAliases(reader, writer);
  const resolver = aliased.createResolver(writer);
  return (value) => aliased.fromBuffer(value, resolver);
}
