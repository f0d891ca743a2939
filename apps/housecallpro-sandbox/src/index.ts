export { startHousecallProSandbox } from './server';
export type {
  HcpAddress,
  HcpCustomer,
  HcpJob,
  HcpLineItem,
  HousecallProSandbox,
  HousecallProSandboxOptions,
  InjectableStatus,
  SandboxRequest,
  SeedCustomer,
} from './types';
