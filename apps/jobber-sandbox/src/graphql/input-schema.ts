// Jobber's input types for the operations the sandbox serves. Field names, nullability and enum
// values are from Jobber's introspection (api-evangelist/jobber graphql/jobber-introspection.json).
// Inputs the sandbox does not model field by field are typed JSON: accepted as given.
// AddressAttributes' fields are inferred from the BasicAddress/PropertyAddress outputs (unconfirmed).

export interface InputFieldType {
  type: string;
  nonNull?: boolean;
  list?: boolean;
}

const f = (type: string, extra: Omit<InputFieldType, 'type'> = {}): InputFieldType => ({ type, ...extra });
const required = (type: string): InputFieldType => f(type, { nonNull: true });
const listOf = (type: string): InputFieldType => f(type, { list: true });

export const INPUT_SCALARS = new Set([
  'String', 'Int', 'Float', 'Boolean', 'ID', 'EncodedId', 'ISO8601Date', 'ISO8601Time', 'ISO8601DateTime', 'ICalendarRule', 'JSON',
]);

export const ENUMS: Record<string, string[]> = {
  ClientSearchField: ['NAMES', 'EMAILS', 'PRIMARY_EMAIL', 'PHONES', 'NOTES', 'CUSTOM_FIELDS', 'PROPERTIES'],
  PhoneNumberDescription: ['MAIN', 'WORK', 'MOBILE', 'HOME', 'FAX', 'OTHER'],
  BillingStrategy: ['FIXED_PRICE', 'VISIT_BASED'],
  BillingFrequencyEnum: ['ON_COMPLETION', 'PERIODIC', 'PER_VISIT', 'NEVER'],
  JobTypeTypeEnum: ['ONE_OFF', 'RECURRING'],
};

export const INPUT_OBJECTS: Record<string, Record<string, InputFieldType>> = {
  ClientCreateInput: {
    title: f('JSON'),
    firstName: f('String'),
    lastName: f('String'),
    companyName: f('String'),
    isCompany: f('Boolean'),
    sampleData: f('Boolean'),
    trackingOrigin: f('JSON'),
    receivesReminders: f('Boolean'),
    receivesFollowUps: f('Boolean'),
    receivesQuoteFollowUps: f('Boolean'),
    receivesInvoiceFollowUps: f('Boolean'),
    receivesReviewRequests: f('Boolean'),
    isBillingContact: f('Boolean'),
    role: f('String'),
    phones: listOf('PhoneNumberCreateAttributes'),
    emails: listOf('JSON'),
    properties: listOf('PropertyAttributes'),
    billingAddress: f('AddressAttributes'),
    customFields: listOf('JSON'),
    sourceAttribution: f('JSON'),
    contacts: listOf('JSON'),
  },
  PhoneNumberCreateAttributes: {
    description: f('PhoneNumberDescription'),
    number: f('String'),
    smsAllowed: f('Boolean'),
    primary: f('Boolean'),
  },
  PropertyAttributes: {
    address: f('AddressAttributes'),
    contacts: listOf('JSON'),
    contactsToAssign: listOf('EncodedId'),
    taxRateId: f('EncodedId'),
    name: f('String'),
  },
  AddressAttributes: {
    street1: f('String'),
    street2: f('String'),
    city: f('String'),
    province: f('String'),
    postalCode: f('String'),
    country: f('String'),
  },
  PropertyCreateInput: { properties: listOf('PropertyAttributes') },
  JobCreateAttributes: {
    propertyId: required('EncodedId'),
    quoteId: f('EncodedId'),
    requestId: f('EncodedId'),
    jobFormIds: listOf('ID'),
    salespersonId: f('EncodedId'),
    notes: listOf('JobCreateNoteInput'),
    title: f('String'),
    jobNumber: f('Int'),
    instructions: f('String'),
    trackingOrigin: f('String'),
    allowReviewRequest: f('Boolean'),
    jobType: f('JobTypeTypeEnum'),
    timeframe: f('TimeframeAttributes'),
    scheduling: f('JobSchedulingAttributes'),
    invoicing: required('JobInvoicingAttributes'),
    arrivalWindow: f('JSON'),
    manualVisits: f('JSON'),
    lineItems: listOf('JSON'),
    customFields: listOf('JSON'),
    progressInvoicingSchedule: f('JSON'),
  },
  JobCreateNoteInput: { message: f('String'), attachments: listOf('JSON'), pinned: f('Boolean'), linkedTo: f('JSON') },
  TimeframeAttributes: { startAt: f('ISO8601Date'), durationUnits: f('JSON'), durationValue: f('Int') },
  JobSchedulingAttributes: {
    createVisits: required('Boolean'),
    notifyTeam: required('Boolean'),
    assignedTo: listOf('EncodedId'),
    startTime: f('ISO8601Time'),
    endTime: f('ISO8601Time'),
    recurrence: f('ICalendarRule'),
    visitConfirmationStatus: f('Boolean'),
  },
  JobInvoicingAttributes: {
    invoicingType: required('BillingStrategy'),
    invoicingSchedule: required('BillingFrequencyEnum'),
    recurrence: f('ICalendarRule'),
    automaticallyChargeInvoice: f('Boolean'),
    createPaymentRequestOnFile: f('Boolean'),
    sendPaymentRequestEmail: f('Boolean'),
    sendPaymentRequestSms: f('Boolean'),
  },
};
