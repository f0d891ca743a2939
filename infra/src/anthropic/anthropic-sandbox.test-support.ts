import { startAnthropicSandbox, type AnthropicSandbox } from '@naxio/anthropic-sandbox';
import type { ClaudeFallbackReason } from './claude-failure';

export const SANDBOX_API_KEY = 'sk-ant-test-key';

/**
 * A fresh Anthropic sandbox for every test, and the fallbacks the client under test reports.
 * `clientOptions()` points a Claude client at it and records its fallbacks.
 */
export function anthropicSandboxPerTest() {
  const claude = {
    sandbox: undefined as unknown as AnthropicSandbox,
    fallbacks: [] as ClaudeFallbackReason[],
    clientOptions: () => ({ apiKey: SANDBOX_API_KEY, baseUrl: claude.sandbox.baseUrl, onFallback: (reason: ClaudeFallbackReason) => void claude.fallbacks.push(reason) }),
  };
  beforeEach(async () => {
    claude.sandbox = await startAnthropicSandbox({ apiKey: SANDBOX_API_KEY });
    claude.fallbacks = [];
  });
  afterEach(() => claude.sandbox.close());
  return claude;
}
