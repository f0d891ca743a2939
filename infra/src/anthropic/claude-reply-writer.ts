import type { ReplyRequest, ReplyWriter } from '@naxio/domain';
import { ClaudeAnswerUnusable } from './claude-failure';
import { ClaudeCaller, type ClaudeMessage, type ClaudeOptions } from './claude-client';
import { checkReply } from './reply-check';
import { replySystemPrompt, replyUserMessage } from './reply-prompt';

export type ClaudeReplyWriterOptions = ClaudeOptions & {
  /** Answers whenever Claude cannot, or writes something we will not send: the templates. */
  fallback: ReplyWriter;
};

// Enough for 320 characters with room to spare; a reply cut off at this limit is not sent.
const MAX_TOKENS = 300;

/** Writes the next SMS in the tenant's persona with Claude; checked before it is returned. */
export class ClaudeReplyWriter implements ReplyWriter {
  private readonly claude: ClaudeCaller;
  private readonly fallback: ReplyWriter;

  constructor(options: ClaudeReplyWriterOptions) {
    this.claude = new ClaudeCaller(options);
    this.fallback = options.fallback;
  }

  write(request: ReplyRequest): Promise<string> {
    return this.claude.askOr(
      {
        max_tokens: MAX_TOKENS,
        system: replySystemPrompt(request),
        messages: [{ role: 'user', content: replyUserMessage(request) }],
      },
      (message) => readReply(message, request),
      () => this.fallback.write(request),
    );
  }
}

function readReply(message: ClaudeMessage, request: ReplyRequest): string {
  if (!Array.isArray(message?.content)) throw new ClaudeAnswerUnusable('malformed_response', 'the answer has no content');
  if (message.stop_reason === 'max_tokens') throw new ClaudeAnswerUnusable('invalid_output', 'the reply was cut off at max_tokens');
  const text = message.content
    .map((block) => (block.type === 'text' ? block.text : ''))
    .join('')
    .trim()
    .replace(/^"(.*)"$/s, '$1'); // a reply wrapped in quotes, as if cited
  if (text === '') throw new ClaudeAnswerUnusable('invalid_output', `no text in the answer (stop_reason ${message.stop_reason})`);
  const check = checkReply(text, request);
  if (!check.ok) throw new ClaudeAnswerUnusable('unsafe_reply', check.problem);
  return text;
}
