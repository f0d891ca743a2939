// Everything the sandbox company holds: customers with their addresses, and jobs. No I/O here.
import { randomUUID } from 'node:crypto';
import type { HcpAddress, HcpCustomer, HcpJob } from './types';

/** Housecall Pro ids: a type prefix and 32 hex digits, e.g. cus_3f2a… (format from observed responses). */
export const newId = (prefix: 'cus' | 'adr' | 'job') => `${prefix}_${randomUUID().replace(/-/g, '')}`;

const clone = <T>(value: T): T => structuredClone(value);

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  totalPages: number;
  totalItems: number;
}

export function paginate<T>(all: T[], page: number, pageSize: number): Page<T> {
  const start = (page - 1) * pageSize;
  return {
    items: all.slice(start, start + pageSize),
    page,
    pageSize,
    totalItems: all.length,
    totalPages: Math.max(1, Math.ceil(all.length / pageSize)),
  };
}

export class HcpStore {
  private readonly customersById = new Map<string, HcpCustomer>();
  private readonly jobsById = new Map<string, HcpJob>();
  private lastInvoiceNumber = 0;

  saveCustomer(customer: HcpCustomer): HcpCustomer {
    this.customersById.set(customer.id, customer);
    return clone(customer);
  }

  addAddress(customerId: string, address: HcpAddress): HcpAddress | undefined {
    const customer = this.customersById.get(customerId);
    if (!customer) return undefined;
    customer.addresses.push(address);
    customer.updated_at = new Date().toISOString();
    return clone(address);
  }

  saveJob(job: Omit<HcpJob, 'invoice_number'>): HcpJob {
    this.lastInvoiceNumber += 1;
    const stored = { ...job, invoice_number: String(this.lastInvoiceNumber) };
    this.jobsById.set(stored.id, stored);
    return clone(stored);
  }

  customer(id: string): HcpCustomer | undefined {
    const customer = this.customersById.get(id);
    return customer && clone(customer);
  }

  job(id: string): HcpJob | undefined {
    const job = this.jobsById.get(id);
    return job && clone(job);
  }

  /** `q` matches name, company, email, street, or (four or more digits) any phone number. */
  searchCustomers(q: string | null): HcpCustomer[] {
    const all = [...this.customersById.values()].reverse();
    if (!q) return all.map(clone);
    const lowered = q.toLowerCase();
    const digits = q.replace(/\D/g, '');
    return all
      .filter((customer) => {
        const words = [customer.first_name, customer.last_name, customer.company, customer.email, ...customer.addresses.map((a) => a.street)];
        const phones = [customer.mobile_number, customer.home_number, customer.work_number];
        const nationalDigits = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
        return (
          words.some((word) => word?.toLowerCase().includes(lowered)) ||
          `${customer.first_name ?? ''} ${customer.last_name ?? ''}`.toLowerCase().includes(lowered) ||
          (nationalDigits.length >= 4 && phones.some((phone) => phone?.includes(nationalDigits)))
        );
      })
      .map(clone);
  }

  listJobs(filter: { customerId: string | null; startMin: number | null; startMax: number | null }): HcpJob[] {
    return [...this.jobsById.values()]
      .reverse()
      .filter((job) => !filter.customerId || job.customer_id === filter.customerId)
      .filter((job) => {
        if (filter.startMin === null && filter.startMax === null) return true;
        if (!job.schedule) return false;
        const start = Date.parse(job.schedule.scheduled_start);
        return (filter.startMin === null || start >= filter.startMin) && (filter.startMax === null || start <= filter.startMax);
      })
      .map(clone);
  }

  customers(): HcpCustomer[] {
    return [...this.customersById.values()].map(clone);
  }
  jobs(): HcpJob[] {
    return [...this.jobsById.values()].map(clone);
  }
}
