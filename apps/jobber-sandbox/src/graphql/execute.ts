// Runs a validated operation: resolve each root field, then project the result onto the selection
// set, so a client gets back exactly the fields it asked for, under its aliases. Resolved objects
// are plain records whose fields are values or functions of the field's arguments.
import type { FieldNode, OperationNode, ValueNode } from './parser';
import { OBJECT_TYPES, SCALARS, isConnection } from './output-schema';
import type { GraphQLErrorBody } from './validate';

export type Resolver = (args: Record<string, unknown>) => unknown;

/** Thrown by a resolver for a field-level error: the field becomes null and the error is listed. */
export class FieldError extends Error {}

export function execute(
  operation: OperationNode,
  variables: Record<string, unknown>,
  resolvers: Record<string, Resolver>,
): { data: Record<string, unknown>; errors: GraphQLErrorBody[] } {
  const data: Record<string, unknown> = {};
  const errors: GraphQLErrorBody[] = [];
  for (const field of operation.selections) {
    if (field.name === '__typename') {
      data[field.alias] = operation.operation === 'query' ? 'Query' : 'Mutation';
      continue;
    }
    try {
      const resolved = (resolvers[field.name] as Resolver)(argumentValues(field, variables));
      data[field.alias] = project(resolved, field.selections, variables);
    } catch (error) {
      if (!(error instanceof FieldError)) throw error;
      data[field.alias] = null;
      errors.push({ message: error.message, locations: [{ line: field.line, column: field.column }], path: [field.alias] });
    }
  }
  return { data, errors };
}

function project(value: unknown, selections: FieldNode[] | null, variables: Record<string, unknown>): unknown {
  if (value === null || value === undefined || !selections) return value ?? null;
  if (Array.isArray(value)) return value.map((item) => project(item, selections, variables));
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const field of selections) {
    const raw = record[field.name];
    const resolved = typeof raw === 'function' ? (raw as Resolver)(argumentValues(field, variables)) : raw;
    out[field.alias] = project(resolved, field.selections, variables);
  }
  return out;
}

export function argumentValues(field: FieldNode, variables: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(field.args).map(([name, node]) => [name, valueOf(node, variables)]));
}

function valueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
  switch (node.kind) {
    case 'variable':
      return variables[node.name] ?? null;
    case 'literal':
      return node.value;
    case 'list':
      return node.values.map((item) => valueOf(item, variables));
    case 'object':
      return Object.fromEntries(Object.entries(node.fields).map(([key, item]) => [key, valueOf(item, variables)]));
    default: {
      const _exhaustive: never = node;
      return _exhaustive;
    }
  }
}

// Query cost, modelled on the published scheme (unconfirmed in detail): objects cost 1, scalars 0,
// a connection 2 plus its page size (first/last, 100 when unspecified) times its node cost, and a
// mutation 10 on top of what it selects.
const UNSPECIFIED_PAGE_SIZE = 100;
const MUTATION_COST = 10;

export function queryCost(operation: OperationNode, variables: Record<string, unknown>): number {
  const root = operation.operation === 'query' ? 'Query' : 'Mutation';
  const base = operation.operation === 'mutation' ? MUTATION_COST * operation.selections.length : 0;
  return base + selectionCost(root, operation.selections, variables);
}

function selectionCost(typeName: string, fields: FieldNode[], variables: Record<string, unknown>): number {
  let total = 0;
  for (const field of fields) {
    const returns = OBJECT_TYPES[typeName]?.[field.name];
    if (!returns || SCALARS.has(returns)) continue;
    const children = field.selections ? selectionCost(returns, field.selections, variables) : 0;
    if (isConnection(returns)) {
      const args = argumentValues(field, variables);
      const pageSize = Number(args.first ?? args.last ?? UNSPECIFIED_PAGE_SIZE);
      total += 2 + pageSize * children;
    } else if (field.name === 'nodes' || field.name === 'edges' || field.name === 'node') {
      total += children; // the connection already multiplied its page size in
    } else total += 1 + children;
  }
  return total;
}
