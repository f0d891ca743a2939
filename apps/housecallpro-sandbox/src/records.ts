// Builds customers, addresses and jobs from request bodies, or throws the 4xx the API would answer.
import { hcpErrors, HcpRequestError } from './hcp-errors';
import { newId, type HcpStore } from './store';
import type { HcpAddress, HcpCustomer, HcpJob } from './types';
import { Checker, ISO_INSTANT, readAddress, readLineItem } from './validation';

type Body = Record<string, unknown>;

const CONTACT_FIELDS = ['first_name', 'last_name', 'company', 'email', 'mobile_number', 'home_number', 'work_number'] as const;

export function buildCustomer(body: Body, now: string): HcpCustomer {
  const check = new Checker();
  const addresses: HcpAddress[] = check.objects(body, 'addresses').map((raw, index) => {
    const { address, problems } = readAddress(raw, false);
    check.problems.push(...problems.map((problem) => ({ ...problem, field: `addresses[${index}].${problem.field}` })));
    return { id: newId('adr'), ...address };
  });
  const customer: HcpCustomer = {
    id: newId('cus'),
    first_name: check.string(body, 'first_name'),
    last_name: check.string(body, 'last_name'),
    email: check.string(body, 'email'),
    mobile_number: check.phone(body, 'mobile_number'),
    home_number: check.phone(body, 'home_number'),
    work_number: check.phone(body, 'work_number'),
    company: check.string(body, 'company'),
    notifications_enabled: check.boolean(body, 'notifications_enabled', true),
    lead_source: check.string(body, 'lead_source'),
    notes: check.string(body, 'notes'),
    tags: check.strings(body, 'tags'),
    addresses,
    created_at: now,
    updated_at: now,
  };
  if (customer.email && !customer.email.includes('@')) check.problems.push({ field: 'email', message: 'is not a valid email' });
  if (CONTACT_FIELDS.every((field) => !customer[field]) && check.problems.length === 0) {
    check.problems.push({ field: 'customer', message: 'needs a name, company, email or phone number' });
  }
  if (check.problems.length > 0) throw new HcpRequestError(hcpErrors.invalid(check.problems));
  return customer;
}

export function buildAddress(body: Body): HcpAddress {
  const { address, problems } = readAddress(body, true);
  if (problems.length > 0) throw new HcpRequestError(hcpErrors.invalid(problems));
  return { id: newId('adr'), ...address };
}

export function buildJob(body: Body, store: HcpStore, now: string): Omit<HcpJob, 'invoice_number'> {
  const check = new Checker();
  const customerId = check.string(body, 'customer_id', true);
  if (check.problems.length > 0) throw new HcpRequestError(hcpErrors.invalid(check.problems));
  const customer = store.customer(customerId as string);
  if (!customer) throw new HcpRequestError(hcpErrors.notFound('Customer'));

  const addressId = check.string(body, 'address_id');
  if (addressId && !customer.addresses.some((address) => address.id === addressId)) {
    check.problems.push({ field: 'address_id', message: 'does not belong to the customer' });
  }
  const schedule = readSchedule(body.schedule, check);
  const lineItems = check.objects(body, 'line_items').map((raw, index) => {
    const { item, problems } = readLineItem(raw);
    check.problems.push(...problems.map((problem) => ({ ...problem, field: `line_items[${index}].${problem.field}` })));
    return item;
  });
  const job = {
    id: newId('job'),
    description: check.string(body, 'description'),
    customer_id: customer.id,
    address_id: addressId,
    notes: check.string(body, 'notes'),
    work_status: schedule ? ('scheduled' as const) : ('unscheduled' as const),
    schedule,
    line_items: lineItems,
    tags: check.strings(body, 'tags'),
    lead_source: check.string(body, 'lead_source'),
    total_amount: lineItems.reduce((sum, item) => sum + Math.round(item.quantity * item.unit_price), 0),
    created_at: now,
    updated_at: now,
  };
  if (check.problems.length > 0) throw new HcpRequestError(hcpErrors.invalid(check.problems));
  return job;
}

function readSchedule(raw: unknown, check: Checker): HcpJob['schedule'] {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    check.problems.push({ field: 'schedule', message: 'must be an object' });
    return null;
  }
  const body = raw as Body;
  const inner = new Checker();
  const start = inner.string(body, 'scheduled_start', true);
  const end = inner.string(body, 'scheduled_end', true);
  for (const [field, value] of [['scheduled_start', start], ['scheduled_end', end]] as const) {
    if (value !== null && (!ISO_INSTANT.test(value) || Number.isNaN(Date.parse(value)))) {
      inner.problems.push({ field, message: 'must be an ISO 8601 date-time with a time zone' });
    }
  }
  const window = body.arrival_window ?? 0;
  if (!Number.isInteger(window) || (window as number) < 0) inner.problems.push({ field: 'arrival_window', message: 'must be a whole number of minutes' });
  if (inner.problems.length === 0 && start && end && Date.parse(end) <= Date.parse(start)) {
    inner.problems.push({ field: 'scheduled_end', message: 'must be after scheduled_start' });
  }
  check.prefixed('schedule', inner);
  return inner.problems.length === 0 && start && end ? { scheduled_start: start, scheduled_end: end, arrival_window: window as number } : null;
}
