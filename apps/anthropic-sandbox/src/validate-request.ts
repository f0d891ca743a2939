// The checks the Messages API makes before a model sees a request, with its wording where known
// ("Field required", "Extra inputs are not permitted", the role rules). Anything that fails here is a
// bug in the caller, so the sandbox is as strict as the API, or stricter where noted.
import { InvalidRequest, invalid, isObject } from './invalid-request';
import type { MessageParam, MessagesRequest } from './types';
import { checkOutputConfig, checkToolChoice, checkTools } from './validate-tools';

// MessageCreateParams of @anthropic-ai/sdk 1.14 (user_profile_id and workspace_id never reach the body).
const KNOWN_FIELDS = new Set([
  'model', 'max_tokens', 'messages', 'cache_control', 'container', 'diagnostics', 'inference_geo', 'metadata',
  'output_config', 'service_tier', 'speed', 'stop_sequences', 'stream', 'system', 'thinking', 'tool_choice', 'tools',
]);
// Sampling parameters were dropped in API version 2026-10-21; older versions still take them.
const SAMPLING_FIELDS = new Set(['temperature', 'top_p', 'top_k']);
const SAMPLING_DROPPED_IN = '2026-10-21';

export type Validation = { ok: true; request: MessagesRequest } | { ok: false; message: string };

export function validateMessagesRequest(body: unknown, opts: { version: string; beta: boolean }): Validation {
  try {
    return { ok: true, request: check(body, opts) };
  } catch (error) {
    if (error instanceof InvalidRequest) return { ok: false, message: error.message };
    throw error;
  }
}

function check(body: unknown, opts: { version: string; beta: boolean }): MessagesRequest {
  if (!isObject(body)) return invalid('Request body must be a JSON object');
  if (!opts.beta) checkFieldNames(body, opts.version);
  if (typeof body.model !== 'string' || body.model === '') invalid('model: Field required');
  const maxTokens = body.max_tokens;
  if (maxTokens === undefined) invalid('max_tokens: Field required');
  if (typeof maxTokens !== 'number' || !Number.isInteger(maxTokens)) invalid('max_tokens: Input should be a valid integer');
  if ((maxTokens as number) < 1) invalid('max_tokens: Input should be greater than or equal to 1');
  if (body.stream === true) invalid('stream: the sandbox answers non-streaming requests only');
  checkMessages(body.messages);
  checkSystem(body.system);
  if (body.stop_sequences !== undefined && !(Array.isArray(body.stop_sequences) && body.stop_sequences.every((s) => typeof s === 'string'))) {
    invalid('stop_sequences: Input should be a valid list of strings');
  }
  const toolNames = checkTools(body.tools);
  checkToolChoice(body.tool_choice, toolNames);
  checkOutputConfig(body.output_config);
  checkThinking(body.thinking, body.tool_choice);
  return body as MessagesRequest;
}

function checkFieldNames(body: Record<string, unknown>, version: string): void {
  for (const field of Object.keys(body)) {
    if (KNOWN_FIELDS.has(field)) continue;
    if (SAMPLING_FIELDS.has(field) && version < SAMPLING_DROPPED_IN) continue;
    invalid(`${field}: Extra inputs are not permitted`);
  }
}

function checkMessages(messages: unknown): void {
  if (messages === undefined) invalid('messages: Field required');
  if (!Array.isArray(messages)) return invalid('messages: Input should be a valid list');
  if (messages.length === 0) invalid('messages: at least one message is required');
  // The API now merges consecutive turns of one role; the sandbox keeps the older, stricter rule so
  // a conversation we build by mistake shows up here rather than as a quietly merged prompt.
  let previous: MessageParam['role'] | undefined;
  messages.forEach((message: unknown, index) => {
    if (!isObject(message)) return invalid(`messages.${index}: Input should be a valid dictionary`);
    const role = message.role;
    if (role !== 'user' && role !== 'assistant' && role !== 'system') {
      invalid(`messages.${index}.role: Input should be 'user' or 'assistant'`);
    }
    checkContent(message.content, `messages.${index}.content`);
    if (role === 'system') return;
    if (previous === undefined && role !== 'user') invalid('messages: first message must use the "user" role');
    if (previous === role) {
      invalid(`messages: roles must alternate between "user" and "assistant", but found multiple "${role as string}" roles in a row`);
    }
    previous = role as MessageParam['role'];
  });
}

function checkContent(content: unknown, path: string): void {
  if (content === undefined) invalid(`${path}: Field required`);
  if (typeof content === 'string') {
    if (content.trim() === '') invalid('messages: text content blocks must contain non-whitespace text');
    return;
  }
  if (!Array.isArray(content)) return invalid(`${path}: Input should be a valid string or list of content blocks`);
  if (content.length === 0) invalid(`${path}: at least one content block is required`);
  content.forEach((block: unknown, index) => {
    if (!isObject(block) || typeof block.type !== 'string') return invalid(`${path}.${index}.type: Field required`);
    if (block.type === 'text' && (typeof block.text !== 'string' || block.text.trim() === '')) {
      invalid('messages: text content blocks must contain non-whitespace text');
    }
  });
}

function checkSystem(system: unknown): void {
  if (system === undefined || typeof system === 'string') return;
  if (!Array.isArray(system) || !system.every((block) => isObject(block) && block.type === 'text' && typeof block.text === 'string')) {
    invalid('system: Input should be a valid string or a list of text blocks');
  }
}

function checkThinking(thinking: unknown, toolChoice: unknown): void {
  if (thinking === undefined) return;
  if (!isObject(thinking) || !['enabled', 'disabled', 'adaptive'].includes(thinking.type as string)) {
    invalid("thinking.type: Input should be 'enabled', 'disabled' or 'adaptive'");
  }
  const forced = isObject(toolChoice) && (toolChoice.type === 'tool' || toolChoice.type === 'any');
  if (forced && (thinking as Record<string, unknown>).type !== 'disabled') {
    invalid('Thinking may not be enabled when tool_choice forces tool use.');
  }
}
