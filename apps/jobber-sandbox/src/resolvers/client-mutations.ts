// clientCreate and propertyCreate. Input shapes were checked by variable coercion; what is left are
// the business rules Jobber reports as userErrors (their wording here is unconfirmed).
import { digitsOf, type JobberStore } from '../store';
import type { SandboxAddress } from '../types';
import { clientView, propertyView } from './views';

interface AddressInput {
  street1?: string | null;
  street2?: string | null;
  city?: string | null;
  province?: string | null;
  postalCode?: string | null;
  country?: string | null;
}
interface PropertyInput {
  address?: AddressInput | null;
  name?: string | null;
}
interface PhoneInput {
  description?: string | null;
  number?: string | null;
  smsAllowed?: boolean | null;
  primary?: boolean | null;
}
interface ClientCreateInput {
  firstName?: string | null;
  lastName?: string | null;
  companyName?: string | null;
  phones?: PhoneInput[] | null;
  properties?: PropertyInput[] | null;
}

export const userError = (message: string, path: string[]) => ({ __typename: 'MutationErrors', message, path });

const text = (value: string | null | undefined) => value?.trim() ?? '';

export function toAddress(input: AddressInput | null | undefined): SandboxAddress {
  const pick = (value: string | null | undefined) => (value && value.trim()) || null;
  return {
    street1: pick(input?.street1),
    street2: pick(input?.street2),
    city: pick(input?.city),
    province: pick(input?.province),
    postalCode: pick(input?.postalCode),
    country: pick(input?.country),
  };
}

export function clientCreate(store: JobberStore, args: Record<string, unknown>) {
  const input = args.input as ClientCreateInput;
  const errors = [];
  if (!text(input.firstName) && !text(input.lastName) && !text(input.companyName)) {
    errors.push(userError('Client must have a first name, last name or company name', ['input', 'firstName']));
  }
  const phones = input.phones ?? [];
  phones.forEach((phone, index) => {
    if (digitsOf(phone.number ?? '').length < 7) {
      errors.push(userError('Phone number is invalid', ['input', 'phones', String(index), 'number']));
    }
  });
  if (errors.length > 0) return { __typename: 'ClientCreatePayload', client: null, userErrors: errors };

  const client = store.addClient(
    { firstName: text(input.firstName), lastName: text(input.lastName), companyName: text(input.companyName) || null },
    phones.map((phone, index) => ({
      number: text(phone.number),
      description: phone.description ?? 'MAIN',
      primary: phone.primary ?? index === 0,
      smsAllowed: phone.smsAllowed ?? false,
    })),
  );
  for (const property of input.properties ?? []) store.addProperty(client.id, property.name ?? null, toAddress(property.address));
  return { __typename: 'ClientCreatePayload', client: clientView(store, client), userErrors: [] };
}

export function propertyCreate(store: JobberStore, args: Record<string, unknown>) {
  const clientId = args.clientId as string;
  const input = args.input as { properties?: PropertyInput[] | null };
  const client = store.client(clientId);
  if (!client) {
    return { __typename: 'PropertyCreatePayload', client: null, properties: [], userErrors: [userError('Client not found', ['clientId'])] };
  }
  const created = (input.properties ?? []).map((property) => store.addProperty(client.id, property.name ?? null, toAddress(property.address)));
  return {
    __typename: 'PropertyCreatePayload',
    client: clientView(store, client),
    properties: created.map((property) => propertyView(store, property)),
    userErrors: [],
  };
}
