// The GraphQL documents a booking sync sends, with the shapes they return. Field, argument and
// input names are from Jobber's schema (introspection, API version 2025-04-16 era); how Jobber's
// search matches a phone number or a booking reference is unconfirmed, so results are re-checked.

const CLIENT_FIELDS = `id name phones { number } clientProperties(first: 1) { nodes { id } }`;

export const FIND_CLIENTS_BY_PHONE = `query NaxioFindClientsByPhone($phone: String!) {
  clients(searchTerm: $phone, searchFields: [PHONES], first: 10) { nodes { ${CLIENT_FIELDS} } }
}`;

export const FIND_JOBS_BY_REFERENCE = `query NaxioFindJobsByReference($reference: String!) {
  jobs(searchTerm: $reference, first: 10) { nodes { id title client { id } } }
}`;

export const CREATE_CLIENT = `mutation NaxioCreateClient($input: ClientCreateInput!) {
  clientCreate(input: $input) { client { ${CLIENT_FIELDS} } userErrors { message path } }
}`;

export const CREATE_PROPERTY = `mutation NaxioCreateProperty($clientId: EncodedId!, $input: PropertyCreateInput!) {
  propertyCreate(clientId: $clientId, input: $input) { properties { id } userErrors { message path } }
}`;

export const CREATE_JOB = `mutation NaxioCreateJob($input: JobCreateAttributes!) {
  jobCreate(input: $input) { job { id jobNumber } userErrors { message path } }
}`;

export interface UserError {
  message: string;
  path: string[];
}

export interface ClientNode {
  id: string;
  name: string;
  phones: Array<{ number: string }>;
  clientProperties: { nodes: Array<{ id: string }> };
}

export interface FindClientsResult {
  clients: { nodes: ClientNode[] };
}

export interface FindJobsResult {
  jobs: { nodes: Array<{ id: string; title: string | null; client: { id: string } | null }> };
}

export interface CreateClientResult {
  clientCreate: { client: ClientNode | null; userErrors: UserError[] };
}

export interface CreatePropertyResult {
  propertyCreate: { properties: Array<{ id: string }>; userErrors: UserError[] };
}

export interface CreateJobResult {
  jobCreate: { job: { id: string; jobNumber: number } | null; userErrors: UserError[] };
}

/** PropertyAttributes.address is an AddressAttributes (street1, city, province, postalCode, country — inferred). */
export function propertyAttributes(address: {
  street: string;
  city: string | null;
  state: string | null;
  zip: string | null;
  country: string | null;
} | null): Record<string, unknown> {
  // A job needs a property; a caller who gave no address still gets one, named so the office fills it in.
  if (!address) return { name: 'Service address to confirm' };
  return {
    address: {
      street1: address.street,
      ...(address.city ? { city: address.city } : {}),
      ...(address.state ? { province: address.state } : {}),
      ...(address.zip ? { postalCode: address.zip } : {}),
      ...(address.country ? { country: address.country } : {}),
    },
  };
}
