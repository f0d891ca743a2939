// Builds values from a tool's JSON schema: one that fits (the built-in answer nobody scripted) and
// one that does not (a "malformed" answer). Covers the keywords tool schemas use in practice.
import type { JsonSchema } from './types';

const asSchema = (value: unknown): JsonSchema =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonSchema) : {};

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type.filter((t): t is string => typeof t === 'string');
  return typeof schema.type === 'string' ? [schema.type] : [];
}

/**
 * A value that fits `schema`. `context` (the last thing the user said) picks among enum values it
 * names and fills free text, so an unscripted answer reads as if it came from the conversation.
 */
export function sampleFromSchema(schema: JsonSchema, context = ''): unknown {
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return pickEnum(schema.enum, context);
  if ('default' in schema) return schema.default;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  const variants = (schema.anyOf ?? schema.oneOf) as unknown;
  if (Array.isArray(variants) && variants.length > 0) return sampleFromSchema(asSchema(variants[0]), context);
  const types = typesOf(schema);
  if (types.includes('null')) return null;
  const type = types[0] ?? (schema.properties ? 'object' : 'string');
  switch (type) {
    case 'object':
      return sampleObject(schema, context);
    case 'array': {
      const count = typeof schema.minItems === 'number' ? schema.minItems : 1;
      return Array.from({ length: count }, () => sampleFromSchema(asSchema(schema.items), context));
    }
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 0;
    case 'boolean':
      return false;
    default:
      return sampleString(schema, context);
  }
}

function sampleObject(schema: JsonSchema, context: string): Record<string, unknown> {
  const properties = asSchema(schema.properties);
  return Object.fromEntries(Object.entries(properties).map(([name, inner]) => [name, sampleFromSchema(asSchema(inner), context)]));
}

function pickEnum(values: unknown[], context: string): unknown {
  const lower = context.toLowerCase();
  const named = values.find((value) => typeof value === 'string' && new RegExp(`\\b${escape(value.toLowerCase())}\\b`).test(lower));
  return named ?? values[0];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function sampleString(schema: JsonSchema, context: string): string {
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : 120;
  const min = typeof schema.minLength === 'number' ? schema.minLength : 1;
  const firstLine = context.split('\n').map((line) => line.trim()).find((line) => line !== '') ?? '';
  const text = (firstLine || 'general').slice(0, max);
  return text.length >= min ? text : text.padEnd(min, '.');
}

/**
 * A value that does not fit an object schema: the first property gets a value of the wrong type and
 * every other required property is left out. A schema with no properties gets a list instead.
 */
export function misfitFor(schema: JsonSchema): unknown {
  const properties = Object.entries(asSchema(schema.properties));
  const first = properties[0];
  if (!first) return ['not', 'an', 'object'];
  const [name, inner] = first;
  return { [name]: wrongTypeFor(asSchema(inner)) };
}

function wrongTypeFor(schema: JsonSchema): unknown {
  const types = typesOf(schema);
  if (types.includes('number') || types.includes('integer')) return 'forty-two';
  if (types.includes('boolean')) return 'maybe';
  if (types.includes('object')) return 'not an object';
  if (types.includes('array')) return { not: 'a list' };
  return 42; // strings, enums of strings and untyped schemas
}
