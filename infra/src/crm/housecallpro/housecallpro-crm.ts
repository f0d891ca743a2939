// Writes a booked job into Housecall Pro: find the customer by phone (or create one with the
// service address), then create a scheduled job tagged with the booking. A redelivered sync finds
// the tagged job on the customer and stops there, so it never creates a second customer or job.
import { CrmPermanentError, type Crm, type CrmJob, type CrmSyncResult } from '@naxio/domain';
import { CrmErrorCode } from '../crm-error-codes';
import { bookingReference, nationalNumber, parseAddressLine, samePhone, customerName, type AddressParts } from '../customer-details';
import type { Fetch } from '../http';
import { DEFAULT_RETRY_POLICY, realSleep, withRetries, type RetryPolicy, type Sleep } from '../retry-policy';
import { HcpHttpClient } from './hcp-http-client';

export interface HousecallProCrmOptions {
  apiKey: string;
  /** Default https://api.housecallpro.com; a sandbox's baseUrl in specs and demos. */
  baseUrl?: string;
  authScheme?: 'Token' | 'Bearer';
  /** Sent as the job's lead_source when set (it may have to match a source defined in the account). */
  leadSource?: string;
  retry?: Partial<RetryPolicy>;
  requestTimeoutMs?: number;
  fetch?: Fetch;
  sleep?: Sleep;
}

interface HcpAddress {
  id: string;
  type?: string;
  street?: string | null;
}
interface HcpCustomer {
  id: string;
  mobile_number?: string | null;
  home_number?: string | null;
  work_number?: string | null;
  addresses?: HcpAddress[];
}
interface HcpPage {
  page?: number;
  total_pages?: number;
}

const PAGE_SIZE = 100;
const MAX_PAGES = 20;

/** Tag marking the job made for a booking; tags are how a job carries our reference (no custom id field). */
export const bookingTag = (bookingId: string) => `naxio-${bookingReference(bookingId).replace(/\s+/g, '-')}`;

export class HousecallProCrm implements Crm {
  private readonly api: HcpHttpClient;
  private readonly policy: RetryPolicy;

  constructor(private readonly opts: HousecallProCrmOptions) {
    this.policy = { ...DEFAULT_RETRY_POLICY, ...opts.retry };
    this.api = new HcpHttpClient({
      baseUrl: (opts.baseUrl ?? 'https://api.housecallpro.com').replace(/\/$/, ''),
      apiKey: opts.apiKey,
      authScheme: opts.authScheme ?? 'Token',
      fetch: opts.fetch ?? fetch,
      requestTimeoutMs: opts.requestTimeoutMs ?? 15_000,
      policy: this.policy,
      sleep: opts.sleep ?? realSleep,
    });
  }

  async syncJob(job: CrmJob): Promise<CrmSyncResult> {
    const start = new Date(job.start);
    const end = new Date(job.end);
    if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || end <= start) {
      throw new CrmPermanentError(CrmErrorCode.rejected, `a booking needs a start before its end (got ${job.start} – ${job.end})`);
    }
    const schedule = { scheduled_start: start.toISOString(), scheduled_end: end.toISOString(), arrival_window: 0 };
    return withRetries(() => this.syncOnce(job, schedule), this.policy, this.opts.sleep ?? realSleep);
  }

  private async syncOnce(job: CrmJob, schedule: Record<string, unknown>): Promise<CrmSyncResult> {
    const tag = bookingTag(job.bookingId);
    const existing = await this.findCustomer(job.customer.phone);
    const earlierJobId = existing ? await this.findTaggedJob(existing.id, tag) : undefined;
    if (existing && earlierJobId) return { customerId: existing.id, jobId: earlierJobId, customerReused: true };

    const address = job.customer.address ? parseAddressLine(job.customer.address) : null;
    const customer = existing ?? (await this.createCustomer(job, address));
    const addressId = await this.serviceAddress(customer, address);
    const created = await this.api.post<{ id?: string }>('/jobs', {
      customer_id: customer.id,
      ...(addressId ? { address_id: addressId } : {}),
      schedule,
      // The title as the job's one line item, priced by the office later; notes carry the details.
      line_items: [{ name: job.title, description: job.description, quantity: 1, unit_price: 0 }],
      notes: `${job.description}\n\nBooked by phone, ${bookingReference(job.bookingId)}.`,
      tags: [tag],
      ...(this.opts.leadSource ? { lead_source: this.opts.leadSource } : {}),
    });
    if (!created.id) throw new CrmPermanentError(CrmErrorCode.badResponse, 'Housecall Pro created a job without an id');
    return { customerId: customer.id, jobId: created.id, customerReused: existing !== undefined };
  }

  private async findCustomer(phone: string): Promise<HcpCustomer | undefined> {
    const found = await this.api.get<{ customers?: HcpCustomer[] }>('/customers', { q: nationalNumber(phone), page_size: PAGE_SIZE });
    return (found.customers ?? []).find((customer) =>
      [customer.mobile_number, customer.home_number, customer.work_number].some((number) => samePhone(number, phone)),
    );
  }

  private async findTaggedJob(customerId: string, tag: string): Promise<string | undefined> {
    for (let page = 1; page <= MAX_PAGES; page += 1) {
      const found = await this.api.get<HcpPage & { jobs?: Array<{ id: string; tags?: string[] }> }>('/jobs', {
        customer_id: customerId,
        page,
        page_size: PAGE_SIZE,
      });
      const job = (found.jobs ?? []).find((candidate) => candidate.tags?.includes(tag));
      if (job) return job.id;
      if ((found.total_pages ?? 1) <= page) return undefined;
    }
    return undefined;
  }

  private async createCustomer(job: CrmJob, address: AddressParts | null): Promise<HcpCustomer> {
    const { first, last } = customerName(job.customer);
    return this.api.post<HcpCustomer>('/customers', {
      ...(first ? { first_name: first } : {}),
      ...(last ? { last_name: last } : {}),
      mobile_number: nationalNumber(job.customer.phone),
      addresses: address ? [{ type: 'service', ...withoutNulls(address) }] : [],
      ...(this.opts.leadSource ? { lead_source: this.opts.leadSource } : {}),
    });
  }

  /** The customer's address matching the booking's street, else their first service address. */
  private async serviceAddress(customer: HcpCustomer, address: AddressParts | null): Promise<string | null> {
    const addresses = customer.addresses ?? [];
    const sameStreet = address && addresses.find((candidate) => candidate.street?.toLowerCase() === address.street.toLowerCase());
    const known = sameStreet || addresses.find((candidate) => candidate.type === 'service') || addresses[0];
    if (known) return known.id;
    // The addresses endpoint wants street, city, state, zip and country; a line we could not
    // split that far leaves the job without an address for the office to add.
    if (!address?.city || !address.state || !address.zip) return null;
    const created = await this.api.post<HcpAddress>(`/customers/${customer.id}/addresses`, { type: 'service', ...withoutNulls(address) });
    return created.id;
  }
}

function withoutNulls(address: AddressParts): Record<string, string> {
  return Object.fromEntries(Object.entries(address).filter((entry): entry is [string, string] => entry[1] !== null));
}
