// The slice of Jobber's output schema the sandbox serves. Type and field names are taken from
// Jobber's introspection (api-evangelist/jobber graphql/jobber-introspection.json); the sandbox
// knows only these, and answers any other field the way graphql-ruby does: undefinedField.

export const SCALARS = new Set(['String', 'Int', 'Float', 'Boolean', 'EncodedId', 'ISO8601DateTime']);

/** type → field → the type it returns (lists are not marked: projection maps arrays as it finds them). */
export const OBJECT_TYPES: Record<string, Record<string, string>> = {
  Query: { clients: 'ClientConnection', jobs: 'JobConnection' },
  Mutation: { clientCreate: 'ClientCreatePayload', propertyCreate: 'PropertyCreatePayload', jobCreate: 'JobCreatePayload' },
  PageInfo: { hasNextPage: 'Boolean', hasPreviousPage: 'Boolean', startCursor: 'String', endCursor: 'String' },
  ClientConnection: { nodes: 'Client', totalCount: 'Int', pageInfo: 'PageInfo' },
  Client: {
    id: 'EncodedId',
    name: 'String',
    firstName: 'String',
    lastName: 'String',
    companyName: 'String',
    isCompany: 'Boolean',
    isArchived: 'Boolean',
    phone: 'String',
    phones: 'ClientPhoneNumber',
    clientProperties: 'PropertyConnection',
    createdAt: 'ISO8601DateTime',
  },
  ClientPhoneNumber: {
    id: 'EncodedId',
    number: 'String',
    normalizedPhoneNumber: 'String',
    friendly: 'String',
    description: 'String',
    primary: 'Boolean',
    smsAllowed: 'Boolean',
  },
  PropertyConnection: { nodes: 'Property', totalCount: 'Int', pageInfo: 'PageInfo' },
  Property: { id: 'EncodedId', name: 'String', address: 'PropertyAddress', client: 'Client' },
  PropertyAddress: {
    id: 'EncodedId',
    street: 'String',
    street1: 'String',
    street2: 'String',
    city: 'String',
    province: 'String',
    postalCode: 'String',
    country: 'String',
  },
  JobConnection: { nodes: 'Job', totalCount: 'Int', pageInfo: 'PageInfo' },
  Job: {
    id: 'EncodedId',
    jobNumber: 'Int',
    title: 'String',
    instructions: 'String',
    client: 'Client',
    property: 'Property',
    startAt: 'ISO8601DateTime',
    endAt: 'ISO8601DateTime',
    createdAt: 'ISO8601DateTime',
  },
  MutationErrors: { message: 'String', path: 'String' },
  ClientCreatePayload: { client: 'Client', userErrors: 'MutationErrors' },
  PropertyCreatePayload: { client: 'Client', properties: 'Property', userErrors: 'MutationErrors' },
  JobCreatePayload: { job: 'Job', userErrors: 'MutationErrors' },
};

const PAGING = ['after', 'before', 'first', 'last', 'offset'];

/** "type.field" → arguments it accepts; the ones listed in REQUIRED_ARGUMENTS must be given. */
export const FIELD_ARGUMENTS: Record<string, string[]> = {
  'Query.clients': ['filter', 'searchTerm', 'searchFields', 'sort', ...PAGING],
  'Query.jobs': ['filter', 'sort', 'searchTerm', ...PAGING],
  'Mutation.clientCreate': ['input'],
  'Mutation.propertyCreate': ['clientId', 'input'],
  'Mutation.jobCreate': ['input'],
  'Client.clientProperties': ['searchTerm', 'sort', ...PAGING],
  'Client.phones': ['filter'],
};

export const REQUIRED_ARGUMENTS: Record<string, string[]> = {
  'Mutation.clientCreate': ['input'],
  'Mutation.propertyCreate': ['clientId', 'input'],
  'Mutation.jobCreate': ['input'],
};

export const isConnection = (typeName: string) => typeName.endsWith('Connection');
