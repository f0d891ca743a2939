// Runs the sandbox on its own, for a demo running in another process.
// env: PORT, HOST, JOBBER_CLIENT_ID, JOBBER_CLIENT_SECRET, JOBBER_TIME_ZONE
import { runSandboxProcess } from '@naxio/sandbox-kit';
import { startJobberSandbox } from './server';

const env = process.env;

runSandboxProcess(
  () =>
    startJobberSandbox({
      port: Number(env.PORT ?? 0),
      host: env.HOST ?? '127.0.0.1',
      clientId: env.JOBBER_CLIENT_ID || 'sandbox-client',
      clientSecret: env.JOBBER_CLIENT_SECRET || 'sandbox-secret',
      timeZone: env.JOBBER_TIME_ZONE || 'UTC',
    }),
  (sandbox) => {
    const tokens = sandbox.issueTokens();
    return {
      settings: { JOBBER_GRAPHQL_URL: sandbox.graphqlUrl, JOBBER_TOKEN_URL: sandbox.tokenUrl, JOBBER_ACCESS_TOKEN: tokens.accessToken, JOBBER_REFRESH_TOKEN: tokens.refreshToken },
      listening: 'jobber-sandbox listening',
    };
  },
);
