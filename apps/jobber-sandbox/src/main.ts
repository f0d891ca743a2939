// Runs the sandbox on its own, for a demo running in another process.
// env: PORT, HOST, JOBBER_CLIENT_ID, JOBBER_CLIENT_SECRET, JOBBER_TIME_ZONE
import { startJobberSandbox } from './server';

async function main(): Promise<void> {
  const env = process.env;
  const sandbox = await startJobberSandbox({
    port: Number(env.PORT ?? 0),
    host: env.HOST ?? '127.0.0.1',
    clientId: env.JOBBER_CLIENT_ID || 'sandbox-client',
    clientSecret: env.JOBBER_CLIENT_SECRET || 'sandbox-secret',
    timeZone: env.JOBBER_TIME_ZONE || 'UTC',
  });
  const tokens = sandbox.issueTokens();
  // KEY=value lines, so a demo script can `eval` or source them.
  console.log(`JOBBER_GRAPHQL_URL=${sandbox.graphqlUrl}`);
  console.log(`JOBBER_TOKEN_URL=${sandbox.tokenUrl}`);
  console.log(`JOBBER_ACCESS_TOKEN=${tokens.accessToken}`);
  console.log(`JOBBER_REFRESH_TOKEN=${tokens.refreshToken}`);
  console.error('jobber-sandbox listening');

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
