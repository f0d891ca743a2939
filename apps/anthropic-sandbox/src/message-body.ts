// The 200 answer of POST /v1/messages, field for field as the Message type of @anthropic-ai/sdk 1.14.
import { anthropicId } from './http-io';
import { misfitFor, sampleFromSchema } from './schema-sample';
import type { CustomTool, MessagesRequest, TextAnswer, ToolUseAnswer } from './types';

type ContentBlock =
  | { type: 'text'; text: string; citations: null }
  | { type: 'tool_use'; id: string; name: string; input: unknown; caller: { type: 'direct' } };

type StopReason = 'end_turn' | 'max_tokens' | 'tool_use';

// Roughly four characters a token, as for English text; only the order of magnitude matters here.
const tokens = (text: string) => Math.max(1, Math.ceil(text.length / 4));

export function messageBody(request: MessagesRequest, content: ContentBlock[], stopReason: StopReason) {
  return {
    id: anthropicId('msg'),
    type: 'message',
    role: 'assistant',
    model: request.model,
    content,
    stop_reason: stopReason,
    stop_sequence: null,
    stop_details: null,
    container: null,
    diagnostics: null,
    usage: {
      input_tokens: tokens(JSON.stringify(request.messages) + JSON.stringify(request.system ?? '') + JSON.stringify(request.tools ?? [])),
      output_tokens: tokens(JSON.stringify(content)),
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
      server_tool_use: null,
      service_tier: 'standard',
      inference_geo: null,
      output_tokens_details: null,
      speed: null,
    },
  };
}

export function toolUseMessage(request: MessagesRequest, answer: ToolUseAnswer) {
  const block: ContentBlock = {
    type: 'tool_use',
    id: anthropicId('toolu'),
    name: answer.toolUse.name,
    input: answer.toolUse.input,
    caller: { type: 'direct' },
  };
  return messageBody(request, [block], 'tool_use');
}

/** Text past max_tokens is cut off, and the stop reason says so, as the API does. */
export function textMessage(request: MessagesRequest, answer: TextAnswer) {
  const limit = request.max_tokens * 4;
  const cut = answer.text.length > limit;
  const text = cut ? answer.text.slice(0, limit) : answer.text;
  return messageBody(request, [{ type: 'text', text, citations: null }], cut ? 'max_tokens' : 'end_turn');
}

/** The tool the model must call: the one named by tool_choice, or the first for `any`. */
export function forcedTool(request: MessagesRequest): CustomTool | undefined {
  const choice = request.tool_choice;
  const custom = (request.tools ?? []).filter((tool): tool is CustomTool => 'input_schema' in tool);
  if (choice?.type === 'tool') return custom.find((tool) => tool.name === choice.name);
  if (choice?.type === 'any') return custom[0];
  return undefined;
}

/** The text of the last user turn: what the built-in answer takes its words from. */
export function lastUserText(request: MessagesRequest): string {
  const last = [...request.messages].reverse().find((message) => message.role === 'user');
  if (!last) return '';
  if (typeof last.content === 'string') return last.content;
  return last.content
    .map((block) => (block.type === 'text' && typeof block.text === 'string' ? block.text : ''))
    .join('\n');
}

/** The answer when nobody scripted one and the defaultResponder declined. */
export function builtInAnswer(request: MessagesRequest): ToolUseAnswer | TextAnswer {
  const tool = forcedTool(request);
  const context = lastUserText(request);
  if (tool) return { toolUse: { name: tool.name, input: sampleFromSchema(tool.input_schema, context) } };
  const format = request.output_config?.format;
  if (format) return { text: JSON.stringify(sampleFromSchema(format.schema, context)) };
  return { text: 'Thanks for your message! How can we help?' };
}

/** A 200 that does not fit what was asked: a misfit tool input, misfit JSON, or no text at all. */
export function malformedMessage(request: MessagesRequest) {
  const tool = forcedTool(request);
  if (tool) return toolUseMessage(request, { toolUse: { name: tool.name, input: misfitFor(tool.input_schema) } });
  const format = request.output_config?.format;
  if (format) return textMessage(request, { text: JSON.stringify(misfitFor(format.schema)) });
  return messageBody(request, [], 'end_turn');
}
