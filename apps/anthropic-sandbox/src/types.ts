// The public shapes of the sandbox: what a spec scripts, what it records, what a request looks like
// once it passed the same checks the Messages API makes.

export type JsonSchema = { [keyword: string]: unknown };

export type TextBlockParam = { type: 'text'; text: string; [field: string]: unknown };
export type ContentBlockParam = { type: string; [field: string]: unknown };

export type MessageParam = {
  role: 'user' | 'assistant' | 'system';
  content: string | ContentBlockParam[];
};

export type CustomTool = {
  name: string;
  description?: string;
  input_schema: JsonSchema & { type: 'object' };
  type?: 'custom' | null;
  [field: string]: unknown;
};

/** Anthropic's server tools (web search, bash, …) carry a versioned `type`; the sandbox only lists them. */
export type ServerTool = { type: string; name: string; [field: string]: unknown };

export type ToolChoice =
  | { type: 'auto'; disable_parallel_tool_use?: boolean }
  | { type: 'any'; disable_parallel_tool_use?: boolean }
  | { type: 'tool'; name: string; disable_parallel_tool_use?: boolean }
  | { type: 'none' };

/** A `POST /v1/messages` body that passed validation. */
export type MessagesRequest = {
  model: string;
  max_tokens: number;
  messages: MessageParam[];
  system?: string | TextBlockParam[];
  tools?: Array<CustomTool | ServerTool>;
  tool_choice?: ToolChoice;
  output_config?: { effort?: string | null; format?: { type: 'json_schema'; schema: JsonSchema } | null };
  stop_sequences?: string[];
  [field: string]: unknown;
};

/** Claude calls a tool with this input (whether or not it fits the tool's schema). */
export type ToolUseAnswer = { toolUse: { name: string; input: unknown } };
/** Claude answers in prose. */
export type TextAnswer = { text: string };
/** The API fails with Anthropic's own error body; `retryAfterSeconds` adds a `retry-after` header. */
export type ErrorAnswer = { status: 429 | 500 | 529; retryAfterSeconds?: number };
/** Waits before answering, as a slow or stuck model would. */
export type SlowAnswer = { delayMs: number; then: ScriptedAnswer };
/** A 200 whose tool_use input does not fit the tool's input_schema (or, for prose, no text at all). */
export type MalformedAnswer = { malformed: true };
/** A 200 whose body is not JSON, as a broken proxy in between might send. */
export type GarbageAnswer = { garbage: true };

export type ScriptedAnswer = ToolUseAnswer | TextAnswer | ErrorAnswer | SlowAnswer | MalformedAnswer | GarbageAnswer;

/**
 * Answers a request nobody scripted. Return undefined to fall back to the built-in answer: a tool_use
 * built from the forced tool's schema, JSON for `output_config.format`, else a short text.
 */
export type DefaultResponder = (request: MessagesRequest) => ToolUseAnswer | TextAnswer | undefined;

export type RecordedRequest = {
  /** Lower-cased header names, as Node receives them. */
  headers: Record<string, string>;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  body: unknown;
  receivedAt: Date;
};

export type AnthropicSandboxOptions = {
  /** Accepted as `x-api-key: <key>` or `Authorization: Bearer <key>`. */
  apiKey: string;
  port?: number;
  host?: string;
  /** Answers what nobody scripted; by default an imitation of Claude on `record_qualification`. */
  defaultResponder?: DefaultResponder;
};

export interface AnthropicSandbox {
  /** Pass as the SDK's `baseURL` (it appends `/v1/messages`). */
  baseUrl: string;
  /** Every request that reached `/v1/messages`, accepted or not, oldest first. */
  requests(): RecordedRequest[];
  /** Queues answers; each valid, authenticated request takes the next one. */
  script(...answers: ScriptedAnswer[]): void;
  /** Scripted answers not yet used. */
  pendingAnswers(): number;
  close(): Promise<void>;
}
