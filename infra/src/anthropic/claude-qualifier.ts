import type { Qualification, QualificationRequest, Qualifier } from '@naxio/domain';
import { ClaudeCaller, type ClaudeOptions } from './claude-client';
import { readQualification } from './qualification-output';
import {
  QUALIFICATION_SYSTEM_PROMPT,
  QUALIFICATION_TOOL,
  qualificationInputSchema,
  qualificationUserMessage,
} from './qualification-prompt';

export type ClaudeQualifierOptions = ClaudeOptions & {
  /** Answers whenever Claude cannot, in time or at all: the rules qualifier. */
  fallback: Qualifier;
};

const MAX_TOKENS = 600;

/**
 * Qualifies a lead with Claude through one forced tool call, so the answer is structured and
 * checked; if Claude is slow, down or wrong, the fallback answers instead.
 */
export class ClaudeQualifier implements Qualifier {
  private readonly claude: ClaudeCaller;
  private readonly fallback: Qualifier;

  constructor(options: ClaudeQualifierOptions) {
    this.claude = new ClaudeCaller(options);
    this.fallback = options.fallback;
  }

  get model(): string {
    return this.claude.model;
  }

  qualify(request: QualificationRequest): Promise<Qualification> {
    return this.claude.askOr(
      {
        max_tokens: MAX_TOKENS,
        system: QUALIFICATION_SYSTEM_PROMPT,
        tools: [
          {
            name: QUALIFICATION_TOOL,
            description: "Records the lead's urgency, service, location, intent and a one-line summary.",
            input_schema: qualificationInputSchema,
          },
        ],
        tool_choice: { type: 'tool', name: QUALIFICATION_TOOL },
        messages: [{ role: 'user', content: qualificationUserMessage(request) }],
      },
      (message) => readQualification(message, request.tenant),
      () => this.fallback.qualify(request),
    );
  }
}
