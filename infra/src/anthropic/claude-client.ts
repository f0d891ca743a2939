import Anthropic from '@anthropic-ai/sdk';
import type { ClaudeFallbackReason } from './claude-failure';
import { ClaudeGaveUp, withinBudget, type BudgetClock } from './within-budget';
import { timeVendorCall } from '../observability/vendor-metrics';

export type ClaudeMessage = Anthropic.Messages.Message;
export type ClaudeRequest = Omit<Anthropic.Messages.MessageCreateParamsNonStreaming, 'model'>;

export type ClaudeOptions = {
  apiKey: string;
  /** The sandbox in tests and the demo; else env ANTHROPIC_BASE_URL, else Anthropic itself. */
  baseUrl?: string;
  /** From configuration; see claudeModelFromEnv. */
  model?: string;
  /** Total time for one answer, retries included. */
  budgetMs?: number;
  /** Told why Claude's answer was not used, before the fallback answers. */
  onFallback?: (reason: ClaudeFallbackReason) => void;
  /** Tests pass their own clock; production uses the system one. */
  clock?: BudgetClock;
};

// A lead is waiting on the other end of every call: past this, the rules or templates answer.
export const DEFAULT_CLAUDE_BUDGET_MS = 4000;

/** The model id comes from configuration (env ANTHROPIC_MODEL); the fallback id is only a default. */
export function claudeModelFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.ANTHROPIC_MODEL || 'claude-sonnet-5-5';
}

/**
 * The official SDK with its retries off and our budget on: one place that sends a request, reads
 * the answer with `read` (which throws ClaudeAnswerUnusable for an unusable one) and, on any
 * failure, reports why and lets the fallback answer.
 */
export class ClaudeCaller {
  readonly model: string;
  private readonly client: Anthropic;
  private readonly budgetMs: number;

  constructor(private readonly options: ClaudeOptions) {
    if (!options.apiKey) throw new Error('Claude needs an API key (ANTHROPIC_API_KEY)');
    this.model = options.model ?? claudeModelFromEnv();
    this.budgetMs = options.budgetMs ?? DEFAULT_CLAUDE_BUDGET_MS;
    this.client = new Anthropic({ apiKey: options.apiKey, baseURL: options.baseUrl, maxRetries: 0 });
  }

  async askOr<T>(request: ClaudeRequest, read: (message: ClaudeMessage) => T, fallback: () => Promise<T>): Promise<T> {
    try {
      return await withinBudget(
        this.budgetMs,
        async (timeoutMs) => read(await timeVendorCall('anthropic', 'messages.create', () => this.client.messages.create({ ...request, model: this.model }, { timeout: timeoutMs }))),
        this.options.clock,
      );
    } catch (error) {
      if (!(error instanceof ClaudeGaveUp)) throw error;
      this.report(error.reason);
      return fallback();
    }
  }

  private report(reason: ClaudeFallbackReason): void {
    try {
      this.options.onFallback?.(reason);
    } catch {
      // An observer that throws must not cost the lead an answer.
    }
  }
}
