// Stored records as GraphQL objects: plain records whose fields are values, or functions of the
// field's arguments (connections take first/last). Projection keeps only what the client selected.
import { digitsOf, displayName, type JobberStore } from '../store';
import type { SandboxClient, SandboxJob, SandboxPhone, SandboxProperty } from '../types';

type View = Record<string, unknown>;

export function connection(typename: string, nodes: View[], args: Record<string, unknown>): View {
  const first = typeof args.first === 'number' ? args.first : undefined;
  const last = typeof args.last === 'number' ? args.last : undefined;
  const page = first !== undefined ? nodes.slice(0, first) : last !== undefined ? nodes.slice(-last) : nodes.slice(0, 100);
  return {
    __typename: typename,
    nodes: page,
    totalCount: nodes.length,
    pageInfo: {
      __typename: 'PageInfo',
      hasNextPage: page.length < nodes.length && first !== undefined,
      hasPreviousPage: false,
      startCursor: page.length ? 'MQ' : null,
      endCursor: page.length ? Buffer.from(String(page.length)).toString('base64url') : null,
    },
  };
}

function phoneView(phone: SandboxPhone): View {
  const digits = digitsOf(phone.number);
  const e164 = digits.length === 10 ? `+1${digits}` : digits.length === 11 && digits.startsWith('1') ? `+${digits}` : null;
  return {
    __typename: 'ClientPhoneNumber',
    id: phone.id,
    number: phone.number,
    normalizedPhoneNumber: e164,
    friendly: phone.number,
    description: phone.description,
    primary: phone.primary,
    smsAllowed: phone.smsAllowed,
  };
}

export function clientView(store: JobberStore, client: SandboxClient): View {
  return {
    __typename: 'Client',
    id: client.id,
    name: displayName(client),
    firstName: client.firstName,
    lastName: client.lastName,
    companyName: client.companyName,
    isCompany: !client.firstName && !client.lastName && !!client.companyName,
    isArchived: false,
    phone: client.phones.find((phone) => phone.primary)?.number ?? client.phones[0]?.number ?? null,
    phones: client.phones.map(phoneView),
    clientProperties: (args: Record<string, unknown>) =>
      connection(
        'PropertyConnection',
        client.propertyIds.flatMap((id) => {
          const property = store.property(id);
          return property ? [propertyView(store, property)] : [];
        }),
        args,
      ),
    createdAt: client.createdAt,
  };
}

export function propertyView(store: JobberStore, property: SandboxProperty): View {
  const { address } = property;
  return {
    __typename: 'Property',
    id: property.id,
    name: property.name,
    address: {
      __typename: 'PropertyAddress',
      id: property.id,
      street: [address.street1, address.street2].filter(Boolean).join(' '),
      ...address,
    },
    client: () => {
      const client = store.client(property.clientId);
      return client ? clientView(store, client) : null;
    },
  };
}

export function jobView(store: JobberStore, job: SandboxJob): View {
  return {
    __typename: 'Job',
    id: job.id,
    jobNumber: job.jobNumber,
    title: job.title,
    instructions: job.instructions,
    client: () => {
      const client = store.client(job.clientId);
      return client ? clientView(store, client) : null;
    },
    property: () => {
      const property = store.property(job.propertyId);
      return property ? propertyView(store, property) : null;
    },
    startAt: job.startAt,
    endAt: job.endAt,
    createdAt: job.createdAt,
  };
}
