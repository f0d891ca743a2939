// Shapes of `tools`, `tool_choice` and `output_config`, as the Messages API checks them.
import { invalid, isObject } from './invalid-request';

// The documented pattern for custom tool names (the length limit is unconfirmed: 64 in older docs).
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,128}$/;
const CHOICE_TYPES = ['auto', 'any', 'tool', 'none'];
const EFFORTS = ['low', 'medium', 'high', 'xhigh', 'max'];

/** Returns the names of the declared tools. */
export function checkTools(tools: unknown): Set<string> {
  const names = new Set<string>();
  if (tools === undefined) return names;
  if (!Array.isArray(tools)) return invalid('tools: Input should be a valid list');
  tools.forEach((tool: unknown, index) => {
    const path = `tools.${index}`;
    if (!isObject(tool)) return invalid(`${path}: Input should be a valid dictionary`);
    if (typeof tool.name !== 'string') invalid(`${path}.name: Field required`);
    const name = tool.name as string;
    const custom = tool.type === undefined || tool.type === null || tool.type === 'custom';
    if (custom) checkCustomTool(tool, path);
    else if (typeof tool.type !== 'string') invalid(`${path}.type: Input should be a valid string`);
    if (names.has(name)) invalid('tools: Tool names must be unique.');
    names.add(name);
  });
  return names;
}

function checkCustomTool(tool: Record<string, unknown>, path: string): void {
  if (!TOOL_NAME.test(tool.name as string)) {
    invalid(`${path}.custom.name: String should match pattern '${TOOL_NAME.source}'`);
  }
  if (tool.description !== undefined && typeof tool.description !== 'string') {
    invalid(`${path}.custom.description: Input should be a valid string`);
  }
  const schema = tool.input_schema;
  if (schema === undefined) invalid(`${path}.custom.input_schema: Field required`);
  if (!isObject(schema)) return invalid(`${path}.custom.input_schema: Input should be a valid dictionary`);
  if (schema.type !== 'object') invalid(`${path}.custom.input_schema.type: Input should be 'object'`);
  if (schema.properties !== undefined && schema.properties !== null && !isObject(schema.properties)) {
    invalid(`${path}.custom.input_schema.properties: Input should be a valid dictionary`);
  }
  if (schema.required !== undefined && schema.required !== null) {
    if (!Array.isArray(schema.required) || !schema.required.every((r) => typeof r === 'string')) {
      invalid(`${path}.custom.input_schema.required: Input should be a valid list of strings`);
    }
  }
}

export function checkToolChoice(choice: unknown, toolNames: Set<string>): void {
  if (choice === undefined) return;
  if (!isObject(choice)) return invalid('tool_choice: Input should be a valid dictionary');
  if (!CHOICE_TYPES.includes(choice.type as string)) {
    invalid(`tool_choice.type: Input should be ${CHOICE_TYPES.map((t) => `'${t}'`).join(', ')}`);
  }
  if (choice.disable_parallel_tool_use !== undefined && typeof choice.disable_parallel_tool_use !== 'boolean') {
    invalid('tool_choice.disable_parallel_tool_use: Input should be a valid boolean');
  }
  if (choice.type !== 'none' && choice.type !== 'auto' && toolNames.size === 0) {
    invalid('tool_choice: tool_choice may only be specified while providing tools.');
  }
  if (choice.type !== 'tool') return;
  if (typeof choice.name !== 'string') invalid('tool_choice.tool.name: Field required');
  if (!toolNames.has(choice.name as string)) {
    invalid(`tool_choice: Tool '${choice.name as string}' not found in tools. Available tools: ${[...toolNames].join(', ')}`);
  }
}

export function checkOutputConfig(config: unknown): void {
  if (config === undefined) return;
  if (!isObject(config)) return invalid('output_config: Input should be a valid dictionary');
  if (config.effort !== undefined && config.effort !== null && !EFFORTS.includes(config.effort as string)) {
    invalid(`output_config.effort: Input should be ${EFFORTS.map((e) => `'${e}'`).join(', ')}`);
  }
  const format = config.format;
  if (format === undefined || format === null) return;
  if (!isObject(format)) return invalid('output_config.format: Input should be a valid dictionary');
  if (format.type !== 'json_schema') invalid("output_config.format.type: Input should be 'json_schema'");
  if (!isObject(format.schema)) invalid('output_config.format.schema: Field required');
}
