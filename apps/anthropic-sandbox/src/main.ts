// Runs the sandbox on its own, for a demo running in another process.
// env: PORT, HOST, ANTHROPIC_SANDBOX_API_KEY.
import { startAnthropicSandbox } from './server';

const DEFAULT_API_KEY = 'sk-ant-sandbox';

async function main(): Promise<void> {
  const env = process.env;
  const apiKey = env.ANTHROPIC_SANDBOX_API_KEY || DEFAULT_API_KEY;
  const sandbox = await startAnthropicSandbox({ apiKey, port: Number(env.PORT ?? 0), host: env.HOST ?? '127.0.0.1' });
  // KEY=value lines, so a demo script can `eval` or source them.
  console.log(`ANTHROPIC_BASE_URL=${sandbox.baseUrl}`);
  if (!env.ANTHROPIC_SANDBOX_API_KEY) console.log(`ANTHROPIC_API_KEY=${DEFAULT_API_KEY}`);
  console.error(`anthropic-sandbox listening at ${sandbox.baseUrl}/v1/messages`);

  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
