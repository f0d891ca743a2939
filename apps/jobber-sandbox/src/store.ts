// Everything the sandbox account holds: clients with phones, their properties, jobs. No I/O here.
import type { SandboxAddress, SandboxClient, SandboxJob, SandboxPhone, SandboxProperty } from './types';

type EntityType = 'Client' | 'Property' | 'Job' | 'ClientPhoneNumber';

/** Jobber's EncodedId: base64 of a global id such as gid://Jobber/Client/42. */
const encodedId = (type: EntityType, n: number) => Buffer.from(`gid://Jobber/${type}/${n}`, 'utf8').toString('base64');

export const digitsOf = (text: string) => text.replace(/\D/g, '');

/** Same number, however it was typed: "(512) 555-0199" matches "+15125550199" (trailing digits, 7 or more). */
export function samePhone(a: string, b: string): boolean {
  const [short, long] = [digitsOf(a), digitsOf(b)].sort((x, y) => x.length - y.length) as [string, string];
  return short.length >= 7 && long.endsWith(short);
}

const clone = <T>(value: T): T => structuredClone(value);

export class JobberStore {
  private readonly clientsById = new Map<string, SandboxClient>();
  private readonly propertiesById = new Map<string, SandboxProperty>();
  private readonly jobsById = new Map<string, SandboxJob>();
  private sequence = 0;
  private lastJobNumber = 0;

  constructor(private readonly now: () => number = Date.now) {}

  addClient(client: Omit<SandboxClient, 'id' | 'phones' | 'propertyIds' | 'createdAt'>, phones: Array<Omit<SandboxPhone, 'id'>>): SandboxClient {
    const stored: SandboxClient = {
      ...client,
      id: this.nextId('Client'),
      phones: phones.map((phone) => ({ ...phone, id: this.nextId('ClientPhoneNumber') })),
      propertyIds: [],
      createdAt: new Date(this.now()).toISOString(),
    };
    this.clientsById.set(stored.id, stored);
    return stored;
  }

  addProperty(clientId: string, name: string | null, address: SandboxAddress): SandboxProperty {
    const property: SandboxProperty = { id: this.nextId('Property'), clientId, name, address };
    this.propertiesById.set(property.id, property);
    this.clientsById.get(clientId)?.propertyIds.push(property.id);
    return property;
  }

  addJob(job: Omit<SandboxJob, 'id' | 'jobNumber' | 'createdAt'>): SandboxJob {
    this.lastJobNumber += 1;
    const stored: SandboxJob = { ...job, id: this.nextId('Job'), jobNumber: this.lastJobNumber, createdAt: new Date(this.now()).toISOString() };
    this.jobsById.set(stored.id, stored);
    return stored;
  }

  client(id: string): SandboxClient | undefined {
    return this.clientsById.get(id);
  }
  property(id: string): SandboxProperty | undefined {
    return this.propertiesById.get(id);
  }

  /** Newest first, as Jobber lists "recently updated" clients. Which fields a search reads is approximated. */
  searchClients(term: string | null, fields: string[] | null): SandboxClient[] {
    const all = [...this.clientsById.values()].reverse();
    if (!term) return all;
    const wanted = (field: string) => !fields || fields.length === 0 || fields.includes(field);
    const lowered = term.toLowerCase();
    return all.filter(
      (client) =>
        (wanted('NAMES') && displayName(client).toLowerCase().includes(lowered)) ||
        (wanted('PHONES') && client.phones.some((phone) => samePhone(phone.number, term))),
    );
  }

  /** Job search over title, instructions, job number and client name (Jobber's exact fields unconfirmed). */
  searchJobs(term: string | null): SandboxJob[] {
    const all = [...this.jobsById.values()].reverse();
    if (!term) return all;
    const lowered = term.toLowerCase();
    return all.filter((job) => {
      const client = this.clientsById.get(job.clientId);
      const haystack = [job.title, job.instructions, String(job.jobNumber), client ? displayName(client) : '']
        .join('\n')
        .toLowerCase();
      return haystack.includes(lowered);
    });
  }

  clients(): SandboxClient[] {
    return [...this.clientsById.values()].map(clone);
  }
  properties(): SandboxProperty[] {
    return [...this.propertiesById.values()].map(clone);
  }
  jobs(): SandboxJob[] {
    return [...this.jobsById.values()].map(clone);
  }

  private nextId(type: EntityType): string {
    this.sequence += 1;
    return encodedId(type, this.sequence);
  }
}

export function displayName(client: SandboxClient): string {
  const person = `${client.firstName} ${client.lastName}`.trim();
  return person || client.companyName || '';
}
