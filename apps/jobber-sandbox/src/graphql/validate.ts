// Static validation before anything runs, as graphql-ruby does it: unknown fields, selections on
// scalars or missing on objects, unknown or missing arguments, undeclared variables. Messages and
// extension codes follow graphql-ruby's StaticValidation wording (Jobber runs graphql-ruby).
import type { FieldNode, OperationNode, ValueNode } from './parser';
import { FIELD_ARGUMENTS, OBJECT_TYPES, REQUIRED_ARGUMENTS, SCALARS } from './output-schema';

export interface GraphQLErrorBody {
  message: string;
  locations?: Array<{ line: number; column: number }>;
  path?: Array<string | number>;
  extensions?: Record<string, unknown>;
}

export function validateOperation(operation: OperationNode): GraphQLErrorBody[] {
  const errors: GraphQLErrorBody[] = [];
  const root = operation.operation === 'query' ? 'Query' : 'Mutation';
  const declared = new Set(operation.variables.map((definition) => definition.name));
  const operationName = operation.name ?? 'anonymous';
  const walk = (typeName: string, fields: FieldNode[], path: string[]) => {
    for (const field of fields) {
      const fieldPath = [...path, field.alias];
      const located = { locations: [{ line: field.line, column: field.column }], path: fieldPath };
      if (field.name === '__typename') continue;
      const returns = OBJECT_TYPES[typeName]?.[field.name];
      if (!returns) {
        errors.push({
          message: `Field '${field.name}' doesn't exist on type '${typeName}'`,
          ...located,
          extensions: { code: 'undefinedField', typeName, fieldName: field.name },
        });
        continue;
      }
      errors.push(...argumentErrors(`${typeName}.${field.name}`, field, declared, operationName, located));
      if (SCALARS.has(returns) && field.selections) {
        errors.push({
          message: `Selections can't be made on scalars (field '${field.name}' returns ${returns} but has selections [${field.selections.map((s) => s.name).join(', ')}])`,
          ...located,
          extensions: { code: 'selectionMismatch', nodeName: `field '${field.name}'`, typeName: returns },
        });
      } else if (!SCALARS.has(returns) && !field.selections) {
        errors.push({
          message: `Field must have selections (field '${field.name}' returns ${returns} but has no selections. Did you mean '${field.name} { ... }'?)`,
          ...located,
          extensions: { code: 'selectionMismatch', nodeName: `field '${field.name}'`, typeName: returns },
        });
      } else if (field.selections) walk(returns, field.selections, fieldPath);
    }
  };
  walk(root, operation.selections, [root.toLowerCase()]);
  return errors;
}

function argumentErrors(
  key: string,
  field: FieldNode,
  declared: Set<string>,
  operationName: string,
  located: Pick<GraphQLErrorBody, 'locations' | 'path'>,
): GraphQLErrorBody[] {
  const errors: GraphQLErrorBody[] = [];
  const accepted = FIELD_ARGUMENTS[key] ?? [];
  for (const [name, value] of Object.entries(field.args)) {
    if (!accepted.includes(name)) {
      errors.push({
        message: `Field '${field.name}' doesn't accept argument '${name}'`,
        ...located,
        extensions: { code: 'argumentNotAccepted', name: field.name, typeName: 'Field', argumentName: name },
      });
    }
    for (const variable of variablesIn(value)) {
      if (!declared.has(variable)) {
        errors.push({
          message: `Variable $${variable} is used by ${operationName} but not declared`,
          ...located,
          extensions: { code: 'variableNotDefined', variableName: variable },
        });
      }
    }
  }
  const missing = (REQUIRED_ARGUMENTS[key] ?? []).filter((name) => !(name in field.args));
  if (missing.length > 0) {
    errors.push({
      message: `Field '${field.name}' is missing required arguments: ${missing.join(', ')}`,
      ...located,
      extensions: { code: 'missingRequiredArguments', className: 'Field', name: field.name, arguments: missing.join(', ') },
    });
  }
  return errors;
}

function variablesIn(value: ValueNode): string[] {
  switch (value.kind) {
    case 'variable':
      return [value.name];
    case 'literal':
      return [];
    case 'list':
      return value.values.flatMap(variablesIn);
    case 'object':
      return Object.values(value.fields).flatMap(variablesIn);
    default: {
      const _exhaustive: never = value;
      return _exhaustive;
    }
  }
}
