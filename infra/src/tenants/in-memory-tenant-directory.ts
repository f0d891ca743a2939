import type { Tenant, TenantDirectory } from '@naxio/domain';

export class InMemoryTenantDirectory implements TenantDirectory {
  constructor(private readonly tenants: readonly Tenant[]) {}

  async byId(tenantId: string): Promise<Tenant | undefined> {
    return this.tenants.find((t) => t.id === tenantId);
  }

  async byPhoneNumber(phone: string): Promise<Tenant | undefined> {
    return this.tenants.find((t) => t.phoneNumbers.includes(phone));
  }
}
