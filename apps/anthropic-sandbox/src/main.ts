// Runs the sandbox on its own, for a demo running in another process.
// env: PORT, HOST, ANTHROPIC_SANDBOX_API_KEY.
import { runSandboxProcess } from '@naxio/sandbox-kit';
import { startAnthropicSandbox } from './server';

const DEFAULT_API_KEY = 'sk-ant-sandbox';
const env = process.env;
const apiKey = env.ANTHROPIC_SANDBOX_API_KEY || DEFAULT_API_KEY;

runSandboxProcess(
  () => startAnthropicSandbox({ apiKey, port: Number(env.PORT ?? 0), host: env.HOST ?? '127.0.0.1' }),
  (sandbox) => ({
    settings: { ANTHROPIC_BASE_URL: sandbox.baseUrl, ...(env.ANTHROPIC_SANDBOX_API_KEY ? {} : { ANTHROPIC_API_KEY: DEFAULT_API_KEY }) },
    listening: `anthropic-sandbox listening at ${sandbox.baseUrl}/v1/messages`,
  }),
);
