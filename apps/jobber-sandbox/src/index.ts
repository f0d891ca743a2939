export { startJobberSandbox } from './server';
export type {
  CostBucketOptions,
  InjectableStatus,
  IssuedTokens,
  JobberSandbox,
  JobberSandboxOptions,
  SandboxAddress,
  SandboxClient,
  SandboxJob,
  SandboxPhone,
  SandboxProperty,
  SandboxRequest,
  SeedClient,
} from './types';
