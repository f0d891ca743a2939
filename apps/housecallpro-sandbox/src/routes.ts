// The API surface: customers (search, create, addresses) and jobs (list, create, read). Every
// answer is decided here; server.ts only listens.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hcpErrors, HcpRequestError, type HcpErrorResponse } from './hcp-errors';
import { parseJsonObject, readBody, sendJson } from './http-io';
import { buildAddress, buildCustomer, buildJob } from './records';
import { paginate, type HcpStore, type Page } from './store';
import type { HcpJob, InjectableStatus } from './types';

export interface InjectedFailure {
  status: InjectableStatus;
  retryAfterSeconds?: number;
}

export interface RouteDeps {
  store: HcpStore;
  apiKey: string;
  takeInjectedFailure: () => InjectedFailure | undefined;
}

const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 200; // unconfirmed ceiling; clients commonly ask for 200

/** Answers one request and resolves with the status sent. */
export async function handleApiRequest(req: IncomingMessage, res: ServerResponse, deps: RouteDeps): Promise<number> {
  const raw = await readBody(req);
  const answer = (status: number, body: unknown) => {
    sendJson(res, status, body);
    return status;
  };
  const fail = (error: HcpErrorResponse) => {
    sendJson(res, error.status, error.body, error.headers);
    return error.status;
  };
  const injected = deps.takeInjectedFailure();
  if (injected) return fail(hcpErrors.injected(injected.status, injected.retryAfterSeconds));
  const key = /^(?:token|bearer)\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
  if (key !== deps.apiKey) return fail(hcpErrors.unauthorized());

  const url = new URL(req.url ?? '/', 'http://sandbox');
  const segments = url.pathname.split('/').filter(Boolean);
  const method = req.method ?? 'GET';
  const body = method === 'POST' ? parseJsonObject(raw) : {};
  if (!body) return fail(hcpErrors.badRequest('Request body must be a JSON object'));
  const now = new Date().toISOString();
  const { store } = deps;

  try {
    const [resource, id, sub] = segments;
    if (resource === 'customers' && segments.length === 1) {
      if (method === 'GET') return answer(200, pageBody('customers', paginate(store.searchCustomers(url.searchParams.get('q')), ...paging(url))));
      if (method === 'POST') return answer(201, store.saveCustomer(buildCustomer(body, now)));
    }
    if (resource === 'customers' && id && segments.length === 2 && method === 'GET') {
      const customer = store.customer(id);
      return customer ? answer(200, customer) : fail(hcpErrors.notFound('Customer'));
    }
    if (resource === 'customers' && id && sub === 'addresses' && segments.length === 3 && method === 'POST') {
      if (!store.customer(id)) return fail(hcpErrors.notFound('Customer'));
      return answer(201, store.addAddress(id, buildAddress(body)));
    }
    if (resource === 'jobs' && segments.length === 1) {
      if (method === 'GET') return answer(200, pageBody('jobs', paginate(listJobs(store, url), ...paging(url)), (job) => jobView(store, job)));
      if (method === 'POST') return answer(201, jobView(store, store.saveJob(buildJob(body, store, now))));
    }
    if (resource === 'jobs' && id && segments.length === 2 && method === 'GET') {
      const job = store.job(id);
      return job ? answer(200, jobView(store, job)) : fail(hcpErrors.notFound('Job'));
    }
    return fail(hcpErrors.notFound(`${method} ${url.pathname}`));
  } catch (error) {
    if (error instanceof HcpRequestError) return fail(error.response);
    throw error;
  }
}

function paging(url: URL): [number, number] {
  const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
  const size = Number.parseInt(url.searchParams.get('page_size') ?? String(DEFAULT_PAGE_SIZE), 10) || DEFAULT_PAGE_SIZE;
  return [page, Math.min(MAX_PAGE_SIZE, Math.max(1, size))];
}

/** List envelope seen in clients of the API: { <items>, page, page_size, total_pages, total_items }. */
function pageBody<T>(key: string, page: Page<T>, view: (item: T) => unknown = (item) => item) {
  return {
    [key]: page.items.map(view),
    page: page.page,
    page_size: page.pageSize,
    total_pages: page.totalPages,
    total_items: page.totalItems,
  };
}

function listJobs(store: HcpStore, url: URL): HcpJob[] {
  const instant = (name: string) => {
    const value = url.searchParams.get(name);
    return value === null || Number.isNaN(Date.parse(value)) ? null : Date.parse(value);
  };
  return store.listJobs({
    customerId: url.searchParams.get('customer_id'),
    startMin: instant('scheduled_start_min'),
    startMax: instant('scheduled_start_max'),
  });
}

/** Jobs come back with their customer and address embedded, as the API returns them. */
function jobView(store: HcpStore, job: HcpJob) {
  const customer = store.customer(job.customer_id) ?? null;
  const address = customer?.addresses.find((candidate) => candidate.id === job.address_id) ?? null;
  return { ...job, customer, address, assigned_employees: [], outstanding_balance: job.total_amount };
}
