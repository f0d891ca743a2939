// The public contract of the sandbox. Other packages depend on these shapes: add, never change.
// Field names follow Housecall Pro's public API as third-party clients use it (api.housecallpro.com);
// Housecall Pro's own reference (docs.housecallpro.com) was not available to check them against.

export type InjectableStatus = 429 | 500 | 502 | 503;

export interface HousecallProSandboxOptions {
  port?: number; // default 0: a free port
  host?: string; // default 127.0.0.1
  /** The only key accepted, as `Authorization: Token <key>` or `Authorization: Bearer <key>`. */
  apiKey: string;
}

export interface HcpAddress {
  id: string;
  type: 'service' | 'billing';
  street: string;
  street_line_2: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  country: string | null;
}

export interface HcpCustomer {
  id: string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  /** Ten digits, as Housecall Pro stores US numbers (unconfirmed: the stored format). */
  mobile_number: string | null;
  home_number: string | null;
  work_number: string | null;
  company: string | null;
  notifications_enabled: boolean;
  lead_source: string | null;
  notes: string | null;
  tags: string[];
  addresses: HcpAddress[];
  created_at: string;
  updated_at: string;
}

export interface HcpLineItem {
  name: string;
  description: string | null;
  quantity: number;
  /** Cents. */
  unit_price: number;
}

export interface HcpJob {
  id: string;
  invoice_number: string;
  description: string | null;
  customer_id: string;
  address_id: string | null;
  notes: string | null;
  work_status: 'unscheduled' | 'scheduled';
  schedule: { scheduled_start: string; scheduled_end: string; arrival_window: number } | null;
  line_items: HcpLineItem[];
  tags: string[];
  lead_source: string | null;
  /** Cents. */
  total_amount: number;
  created_at: string;
  updated_at: string;
}

export interface SandboxRequest {
  method: string;
  path: string;
  status: number;
  at: number;
}

export interface SeedCustomer {
  first_name?: string;
  last_name?: string;
  /** Any formatting; stored as ten digits like numbers entered in the app. */
  mobile_number?: string;
  addresses?: Array<Partial<Omit<HcpAddress, 'id'>> & { street: string }>;
}

export interface HousecallProSandbox {
  /** e.g. http://127.0.0.1:4022 — paths (/customers, /jobs) hang off it as off api.housecallpro.com. */
  baseUrl: string;
  customers(): HcpCustomer[];
  jobs(): HcpJob[];
  /** A customer created the way a contractor would, outside the API. */
  seedCustomer(customer: SeedCustomer): HcpCustomer;
  /** The next `count` requests fail with `status`; a 429 carries Retry-After (default 1 s). */
  failNext(count: number, status: InjectableStatus, opts?: { retryAfterSeconds?: number }): void;
  requests(): SandboxRequest[];
  close(): Promise<void>;
}
