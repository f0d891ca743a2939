// Runs the sandbox on its own, for a demo running in another process.
// env: PORT, HOST, HOUSECALL_PRO_API_KEY
import { runSandboxProcess } from '@naxio/sandbox-kit';
import { startHousecallProSandbox } from './server';

const DEFAULT_API_KEY = 'hcp_sandbox_key';
const env = process.env;
const apiKey = env.HOUSECALL_PRO_API_KEY || DEFAULT_API_KEY;

runSandboxProcess(
  () => startHousecallProSandbox({ port: Number(env.PORT ?? 0), host: env.HOST ?? '127.0.0.1', apiKey }),
  (sandbox) => ({
    settings: { HOUSECALL_PRO_BASE_URL: sandbox.baseUrl, ...(env.HOUSECALL_PRO_API_KEY ? {} : { HOUSECALL_PRO_API_KEY: apiKey }) },
    listening: 'housecallpro-sandbox listening',
  }),
);
