export { startAnthropicSandbox } from './server';
export { imitateNaxioClaude, imitateQualification } from './lead-imitation';
export { builtInAnswer, forcedTool, lastUserText } from './message-body';
export { misfitFor, sampleFromSchema } from './schema-sample';
export type {
  AnthropicSandbox,
  AnthropicSandboxOptions,
  CustomTool,
  DefaultResponder,
  ErrorAnswer,
  GarbageAnswer,
  JsonSchema,
  MalformedAnswer,
  MessageParam,
  MessagesRequest,
  RecordedRequest,
  ScriptedAnswer,
  SlowAnswer,
  TextAnswer,
  ToolChoice,
  ToolUseAnswer,
} from './types';
