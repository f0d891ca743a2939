// Runs the sandbox on its own, for a demo running in another process.
// env: PORT, HOST, HOUSECALL_PRO_API_KEY
import { startHousecallProSandbox } from './server';

const DEFAULT_API_KEY = 'hcp_sandbox_key';

async function main(): Promise<void> {
  const env = process.env;
  const apiKey = env.HOUSECALL_PRO_API_KEY || DEFAULT_API_KEY;
  const sandbox = await startHousecallProSandbox({ port: Number(env.PORT ?? 0), host: env.HOST ?? '127.0.0.1', apiKey });
  // KEY=value lines, so a demo script can `eval` or source them.
  console.log(`HOUSECALL_PRO_BASE_URL=${sandbox.baseUrl}`);
  if (!env.HOUSECALL_PRO_API_KEY) console.log(`HOUSECALL_PRO_API_KEY=${apiKey}`);
  console.error('housecallpro-sandbox listening');

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
