// Variable coercion (GraphQL spec §6.1.2) against the input types in input-schema.ts. A bad value
// fails the whole request before any resolver runs, with graphql-ruby's message shape:
//   Variable $input of type JobCreateAttributes! was provided invalid value for invoicing (Expected value to not be null)
import { ENUMS, INPUT_OBJECTS, INPUT_SCALARS, type InputFieldType } from './input-schema';
import type { VariableDefinition, ValueNode } from './parser';
import type { GraphQLErrorBody } from './validate';

interface Problem {
  path: Array<string | number>;
  explanation: string;
}

export function coerceVariables(
  definitions: VariableDefinition[],
  provided: Record<string, unknown>,
): { values: Record<string, unknown>; errors: GraphQLErrorBody[] } {
  const values: Record<string, unknown> = {};
  const errors: GraphQLErrorBody[] = [];
  for (const definition of definitions) {
    const value = definition.name in provided ? provided[definition.name] : literal(definition.defaultValue);
    const list = definition.type.replace(/!$/, '').startsWith('[');
    const problems =
      value === undefined || value === null
        ? definition.nonNull
          ? [{ path: [], explanation: 'Expected value to not be null' }]
          : []
        : check({ type: definition.typeName, list }, value, []);
    if (problems.length === 0) {
      values[definition.name] = value ?? null;
      continue;
    }
    const detail = problems
      .map((problem) => (problem.path.length ? `for ${problem.path.join('.')} (${problem.explanation})` : `(${problem.explanation})`))
      .join(', ');
    errors.push({
      message: `Variable $${definition.name} of type ${definition.type} was provided invalid value ${detail}`,
      extensions: { value: value ?? null, problems },
    });
  }
  return { values, errors };
}

function literal(node: ValueNode | null): unknown {
  if (!node) return undefined;
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'list':
      return node.values.map(literal);
    case 'object':
      return Object.fromEntries(Object.entries(node.fields).map(([key, value]) => [key, literal(value)]));
    case 'variable':
      return undefined; // a default value cannot name a variable (spec §5.8.5)
    default: {
      const _exhaustive: never = node;
      return _exhaustive;
    }
  }
}

function check(field: InputFieldType, value: unknown, path: Array<string | number>): Problem[] {
  if (value === null || value === undefined) {
    return field.nonNull ? [{ path, explanation: 'Expected value to not be null' }] : [];
  }
  if (field.list) {
    const items = Array.isArray(value) ? value : [value]; // a single value coerces to a one-item list
    return items.flatMap((item, index) => check({ type: field.type }, item, [...path, index]));
  }
  const shape = INPUT_OBJECTS[field.type];
  if (shape) return checkObject(field.type, shape, value, path);
  const enumValues = ENUMS[field.type];
  if (enumValues) {
    return typeof value === 'string' && enumValues.includes(value)
      ? []
      : [{ path, explanation: `Expected ${JSON.stringify(value)} to be one of: ${enumValues.join(', ')}` }];
  }
  if (INPUT_SCALARS.has(field.type)) {
    return scalarAccepts(field.type, value) ? [] : [{ path, explanation: `Could not coerce value ${JSON.stringify(value)} to ${field.type}` }];
  }
  return [{ path, explanation: `Unknown input type ${field.type}` }];
}

function checkObject(
  typeName: string,
  shape: Record<string, InputFieldType>,
  value: unknown,
  path: Array<string | number>,
): Problem[] {
  if (typeof value !== 'object' || Array.isArray(value)) {
    return [{ path, explanation: `Expected ${JSON.stringify(value)} to be a key-value object.` }];
  }
  const record = value as Record<string, unknown>;
  const unknown = Object.keys(record)
    .filter((key) => !(key in shape))
    .map((key) => ({ path: [...path, key], explanation: `Field is not defined on ${typeName}` }));
  const known = Object.entries(shape).flatMap(([key, fieldType]) => check(fieldType, record[key], [...path, key]));
  return [...unknown, ...known];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// Jobber's ISO8601Time is a custom scalar; "HH:MM" and "HH:MM:SS" are accepted here (unconfirmed).
const ISO_TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;

function scalarAccepts(type: string, value: unknown): boolean {
  switch (type) {
    case 'String':
    case 'EncodedId':
    case 'ICalendarRule':
      return typeof value === 'string';
    case 'ID':
      return typeof value === 'string' || Number.isInteger(value);
    case 'Int':
      return Number.isInteger(value);
    case 'Float':
      return typeof value === 'number';
    case 'Boolean':
      return typeof value === 'boolean';
    case 'ISO8601Date':
      return typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value));
    case 'ISO8601Time':
      return typeof value === 'string' && ISO_TIME.test(value);
    case 'ISO8601DateTime':
      return typeof value === 'string' && value.includes('T') && !Number.isNaN(Date.parse(value));
    default:
      return true; // JSON
  }
}
