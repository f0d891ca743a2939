import type { Tenant } from '../tenant/tenant';

export interface TenantDirectory {
  byId(tenantId: string): Promise<Tenant | undefined>;
  /** The tenant that owns this E.164 number, if any. */
  byPhoneNumber(phone: string): Promise<Tenant | undefined>;
}
