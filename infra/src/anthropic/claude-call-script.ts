import { type CallScriptRequest, type CallScriptWriter, checkCallGreeting, describeSlot } from '@naxio/domain';
import { ClaudeAnswerUnusable } from './claude-failure';
import { ClaudeCaller, type ClaudeMessage, type ClaudeOptions } from './claude-client';

export type ClaudeCallScriptOptions = ClaudeOptions & { fallback: CallScriptWriter };

const system = (r: CallScriptRequest) =>
  [
    `You write the first words ${r.tenant.persona}, an automated phone assistant for ${r.tenant.company} (${r.tenant.trade}), says when a customer who asked for service picks up a callback.`,
    'Say, in this order: who is calling and for which business, that you are an automated assistant',
    r.recorded ? ', that the call is recorded' : '',
    ', one short line on what they need, the offered times exactly as given, a question which works, a request to confirm the address, and that they can say "stop calling" to opt out.',
    ' Never quote prices, never offer other times, no more than five sentences, plain speech (no lists, no markup). Reply with the words only.',
  ].join('');

const user = (r: CallScriptRequest) =>
  [
    `Need: ${r.qualification?.summary ?? 'a service request'}`,
    `Offered times: ${r.slots.map((s) => describeSlot(s, r.tenant.timezone)).join(' | ')}`,
  ].join('\n');

/** Jordan's opening written by Claude, checked before it is spoken; the template speaks otherwise. */
export class ClaudeCallScriptWriter implements CallScriptWriter {
  private readonly claude: ClaudeCaller;

  constructor(private readonly options: ClaudeCallScriptOptions) {
    this.claude = new ClaudeCaller(options);
  }

  greeting(request: CallScriptRequest): Promise<string> {
    return this.claude.askOr(
      { max_tokens: 400, system: system(request), messages: [{ role: 'user', content: user(request) }] },
      (message) => read(message, request),
      () => this.options.fallback.greeting(request),
    );
  }
}

function read(message: ClaudeMessage, request: CallScriptRequest): string {
  if (!Array.isArray(message?.content)) throw new ClaudeAnswerUnusable('malformed_response', 'the answer has no content');
  const text = message.content.map((b) => (b.type === 'text' ? b.text : '')).join('').trim();
  const check = checkCallGreeting(text, request);
  if (!check.ok) throw new ClaudeAnswerUnusable('unsafe_reply', `call script ${check.problem}`);
  return text;
}
