// Writes a booked job into Jobber: find or create the client (by phone), make sure it has a
// property, then create a one-off job with one visit. Every step first looks for what an earlier,
// interrupted attempt made, so a redelivered sync never creates a second client or job.
import { CrmPermanentError, type Crm, type CrmJob, type CrmSyncResult } from '@naxio/domain';
import { CrmErrorCode } from '../crm-error-codes';
import { bookingReference, nationalNumber, parseAddressLine, samePhone, customerName } from '../customer-details';
import type { Fetch } from '../http';
import { DEFAULT_RETRY_POLICY, realSleep, withRetries, type RetryPolicy, type Sleep } from '../retry-policy';
import { JobberGraphqlClient } from './jobber-graphql-client';
import * as ops from './jobber-operations';
import { visitSchedule } from './jobber-schedule';
import type { JobberTokenStore } from './jobber-tokens';

export interface JobberCrmOptions {
  clientId: string;
  clientSecret: string;
  tokens: JobberTokenStore;
  /** The Jobber account's IANA time zone: visits are scheduled in its wall-clock time. */
  timeZone: string;
  /** Default https://api.getjobber.com; a sandbox's baseUrl in specs and demos. */
  baseUrl?: string;
  /** Pinned X-JOBBER-GRAPHQL-VERSION. */
  apiVersion?: string;
  retry?: Partial<RetryPolicy>;
  requestTimeoutMs?: number;
  fetch?: Fetch;
  sleep?: Sleep;
}

export const JOBBER_API_VERSION = '2025-04-16';

export class JobberCrm implements Crm {
  private readonly api: JobberGraphqlClient;
  private readonly policy: RetryPolicy;

  constructor(private readonly opts: JobberCrmOptions) {
    const baseUrl = (opts.baseUrl ?? 'https://api.getjobber.com').replace(/\/$/, '');
    this.policy = { ...DEFAULT_RETRY_POLICY, ...opts.retry };
    this.api = new JobberGraphqlClient({
      graphqlUrl: `${baseUrl}/api/graphql`,
      tokenUrl: `${baseUrl}/api/oauth/token`,
      apiVersion: opts.apiVersion ?? JOBBER_API_VERSION,
      clientId: opts.clientId,
      clientSecret: opts.clientSecret,
      tokens: opts.tokens,
      fetch: opts.fetch ?? fetch,
      requestTimeoutMs: opts.requestTimeoutMs ?? 15_000,
      policy: this.policy,
      sleep: opts.sleep ?? realSleep,
    });
  }

  async syncJob(job: CrmJob): Promise<CrmSyncResult> {
    const schedule = visitSchedule(job.start, job.end, this.opts.timeZone); // bad times fail before any request
    return withRetries(() => this.syncOnce(job, schedule), this.policy, this.opts.sleep ?? realSleep);
  }

  private async syncOnce(job: CrmJob, schedule: ReturnType<typeof visitSchedule>): Promise<CrmSyncResult> {
    const reference = bookingReference(job.bookingId);
    const earlier = await this.findJob(job.bookingId, reference);
    if (earlier) return { customerId: earlier.clientId, jobId: earlier.id, customerReused: true };

    const existing = await this.findClient(job.customer.phone);
    const client = existing ?? (await this.createClient(job));
    const propertyId = client.clientProperties.nodes[0]?.id ?? (await this.createProperty(client.id, job.customer.address));
    const created = await this.api.request<ops.CreateJobResult>(ops.CREATE_JOB, {
      input: {
        propertyId,
        title: `${job.title} (${reference})`,
        instructions: `${job.description}\n\nBooked by phone, ${reference}.`,
        // One invoice when the work is done, billed from the visit: the usual one-off job setup.
        invoicing: { invoicingType: 'VISIT_BASED', invoicingSchedule: 'ON_COMPLETION' },
        timeframe: { startAt: schedule.date },
        scheduling: { createVisits: true, notifyTeam: false, startTime: schedule.startTime, endTime: schedule.endTime },
      },
    });
    const jobId = accepted(created.jobCreate, 'jobCreate').job?.id;
    if (!jobId) throw new CrmPermanentError(CrmErrorCode.badResponse, 'Jobber created no job and reported no error');
    return { customerId: client.id, jobId, customerReused: existing !== undefined };
  }

  private async findJob(bookingId: string, reference: string): Promise<{ id: string; clientId: string } | undefined> {
    const found = await this.api.request<ops.FindJobsResult>(ops.FIND_JOBS_BY_REFERENCE, { reference: bookingId });
    const job = found.jobs.nodes.find((node) => node.title?.includes(`(${reference})`) && node.client);
    return job?.client ? { id: job.id, clientId: job.client.id } : undefined;
  }

  private async findClient(phone: string): Promise<ops.ClientNode | undefined> {
    const found = await this.api.request<ops.FindClientsResult>(ops.FIND_CLIENTS_BY_PHONE, { phone: nationalNumber(phone) });
    return found.clients.nodes.find((client) => client.phones.some((candidate) => samePhone(candidate.number, phone)));
  }

  private async createClient(job: CrmJob): Promise<ops.ClientNode> {
    const { first, last } = customerName(job.customer);
    const address = job.customer.address ? parseAddressLine(job.customer.address) : null;
    const created = await this.api.request<ops.CreateClientResult>(ops.CREATE_CLIENT, {
      input: {
        ...(first ? { firstName: first } : {}),
        ...(last ? { lastName: last } : {}),
        phones: [{ number: job.customer.phone, description: 'MOBILE', primary: true, smsAllowed: true }],
        properties: [ops.propertyAttributes(address)],
      },
    });
    const client = accepted(created.clientCreate, 'clientCreate').client;
    if (!client) throw new CrmPermanentError(CrmErrorCode.badResponse, 'Jobber created no client and reported no error');
    return client;
  }

  private async createProperty(clientId: string, address: string | null): Promise<string> {
    const created = await this.api.request<ops.CreatePropertyResult>(ops.CREATE_PROPERTY, {
      clientId,
      input: { properties: [ops.propertyAttributes(address ? parseAddressLine(address) : null)] },
    });
    const propertyId = accepted(created.propertyCreate, 'propertyCreate').properties[0]?.id;
    if (!propertyId) throw new CrmPermanentError(CrmErrorCode.badResponse, 'Jobber created no property and reported no error');
    return propertyId;
  }
}

/** A mutation's userErrors are Jobber refusing the data: permanent, whatever the retry budget. */
function accepted<P extends { userErrors: ops.UserError[] }>(payload: P, mutation: string): P {
  if (payload.userErrors.length > 0) {
    const detail = payload.userErrors.map((error) => `${error.message} [${error.path.join('.')}]`).join('; ');
    throw new CrmPermanentError(CrmErrorCode.rejected, `Jobber ${mutation} refused: ${detail}`);
  }
  return payload;
}
