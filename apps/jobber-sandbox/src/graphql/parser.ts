// A recursive-descent parser for one GraphQL operation (GraphQL spec §2). Fragments and directives
// are refused: the sandbox answers the plain operations an API client writes, not every document.
import { GraphQLSyntaxError, tokenize, type Token } from './lexer';

export type ValueNode =
  | { kind: 'variable'; name: string }
  | { kind: 'literal'; value: string | number | boolean | null }
  | { kind: 'list'; values: ValueNode[] }
  | { kind: 'object'; fields: Record<string, ValueNode> };

export interface FieldNode {
  alias: string;
  name: string;
  args: Record<string, ValueNode>;
  selections: FieldNode[] | null;
  line: number;
  column: number;
}

export interface VariableDefinition {
  name: string;
  /** As written, e.g. "ClientCreateInput!" — quoted back in error messages. */
  type: string;
  typeName: string;
  nonNull: boolean;
  defaultValue: ValueNode | null;
}

export interface OperationNode {
  operation: 'query' | 'mutation';
  name: string | null;
  variables: VariableDefinition[];
  selections: FieldNode[];
}

export function parseOperation(source: string): OperationNode {
  return new Parser(tokenize(source)).document();
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  document(): OperationNode {
    const operation = this.operation();
    if (this.peek().kind !== 'eof') throw this.unsupported('More than one definition in a document');
    return operation;
  }

  private operation(): OperationNode {
    if (this.isPunct('{')) return { operation: 'query', name: null, variables: [], selections: this.selectionSet() };
    const keyword = this.expectName();
    if (keyword.value !== 'query' && keyword.value !== 'mutation') throw this.unsupported(`"${keyword.value}" definitions`);
    const name = this.peek().kind === 'name' ? this.expectName().value : null;
    const variables = this.isPunct('(') ? this.variableDefinitions() : [];
    return { operation: keyword.value, name, variables, selections: this.selectionSet() };
  }

  private variableDefinitions(): VariableDefinition[] {
    const definitions: VariableDefinition[] = [];
    this.expectPunct('(');
    while (!this.isPunct(')')) {
      this.expectPunct('$');
      const name = this.expectName().value;
      this.expectPunct(':');
      const type = this.typeReference();
      const defaultValue = this.isPunct('=') ? (this.next(), this.value()) : null;
      definitions.push({ name, ...type, defaultValue });
    }
    this.expectPunct(')');
    return definitions;
  }

  private typeReference(): { type: string; typeName: string; nonNull: boolean } {
    let type: string;
    let typeName: string;
    if (this.isPunct('[')) {
      this.next();
      const inner = this.typeReference();
      this.expectPunct(']');
      type = `[${inner.type}]`;
      typeName = inner.typeName;
    } else {
      typeName = this.expectName().value;
      type = typeName;
    }
    const nonNull = this.isPunct('!');
    if (nonNull) this.next();
    return { type: nonNull ? `${type}!` : type, typeName, nonNull };
  }

  private selectionSet(): FieldNode[] {
    const fields: FieldNode[] = [];
    this.expectPunct('{');
    while (!this.isPunct('}')) {
      if (this.isPunct('...')) throw this.unsupported('Fragments');
      fields.push(this.field());
    }
    this.expectPunct('}');
    return fields;
  }

  private field(): FieldNode {
    const first = this.expectName();
    let alias = first.value;
    let name = first.value;
    if (this.isPunct(':')) {
      this.next();
      name = this.expectName().value;
    } else alias = name;
    const args: Record<string, ValueNode> = {};
    if (this.isPunct('(')) {
      this.next();
      while (!this.isPunct(')')) {
        const argName = this.expectName().value;
        this.expectPunct(':');
        args[argName] = this.value();
      }
      this.next();
    }
    if (this.isPunct('@')) throw this.unsupported('Directives');
    const selections = this.isPunct('{') ? this.selectionSet() : null;
    return { alias, name, args, selections, line: first.line, column: first.column };
  }

  private value(): ValueNode {
    const token = this.next();
    if (token.kind === 'punct' && token.value === '$') return { kind: 'variable', name: this.expectName().value };
    if (token.kind === 'string') return { kind: 'literal', value: token.value };
    if (token.kind === 'number') return { kind: 'literal', value: Number(token.value) };
    if (token.kind === 'name') {
      if (token.value === 'true' || token.value === 'false') return { kind: 'literal', value: token.value === 'true' };
      return { kind: 'literal', value: token.value === 'null' ? null : token.value }; // enum values travel as strings
    }
    if (token.kind === 'punct' && token.value === '[') {
      const values: ValueNode[] = [];
      while (!this.isPunct(']')) values.push(this.value());
      this.next();
      return { kind: 'list', values };
    }
    if (token.kind === 'punct' && token.value === '{') {
      const fields: Record<string, ValueNode> = {};
      while (!this.isPunct('}')) {
        const fieldName = this.expectName().value;
        this.expectPunct(':');
        fields[fieldName] = this.value();
      }
      this.next();
      return { kind: 'object', fields };
    }
    throw this.syntaxError(token);
  }

  private peek(): Token {
    return this.tokens[this.i] as Token;
  }
  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.i += 1;
    return token;
  }
  private isPunct(value: string): boolean {
    const token = this.peek();
    return token.kind === 'punct' && token.value === value;
  }
  private expectPunct(value: string): void {
    const token = this.next();
    if (token.kind !== 'punct' || token.value !== value) throw this.syntaxError(token);
  }
  private expectName(): Token {
    const token = this.next();
    if (token.kind !== 'name') throw this.syntaxError(token);
    return token;
  }
  private syntaxError(token: Token): GraphQLSyntaxError {
    // graphql-ruby's wording: Parse error on "}" (RCURLY) at [3, 1] — the token class is omitted here.
    const shown = token.kind === 'eof' ? 'end of file' : `"${token.value}"`;
    return new GraphQLSyntaxError(`Parse error on ${shown} at [${token.line}, ${token.column}]`, token.line, token.column);
  }
  private unsupported(what: string): GraphQLSyntaxError {
    const token = this.peek();
    return new GraphQLSyntaxError(`${what} are not supported by this sandbox`, token.line, token.column);
  }
}
