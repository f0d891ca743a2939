import { intents, serviceTypes, urgencies } from '@naxio/domain';
import { funnelStages } from '@naxio/projections';

/** JSON schemas shared by the routes; the OpenAPI document is built from the same objects. */

export const leadStatuses = ['new', 'texted', 'replied', 'qualified', 'escalated', 'booked', 'synced', 'opted-out', 'handed-off'] as const;

export const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } },
  },
} as const;

/** The error answers every authenticated route can give. */
export const errorResponses = { 400: errorSchema, 401: errorSchema } as const;

export const dateParam = { type: 'string', format: 'date', description: 'a day in the tenant’s time zone, YYYY-MM-DD' } as const;

export const dateRangeQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to'],
  properties: { from: dateParam, to: { ...dateParam, description: 'last day included, YYYY-MM-DD' } },
} as const;

const nullable = (type: string, extra: Record<string, unknown> = {}) => ({ type: [type, 'null'], ...extra });
const timestamp = nullable('string', { format: 'date-time' });

export const funnelCountsSchema = {
  type: 'object',
  required: [...funnelStages, 'recoveryRate'],
  properties: {
    ...Object.fromEntries(funnelStages.map((stage) => [stage, { type: 'integer', description: `leads that reached "${stage}"` }])),
    recoveryRate: nullable('number', { description: 'booked ÷ missed; null when nothing was missed' }),
  },
} as const;

export const leadSchema = {
  type: 'object',
  properties: {
    leadId: { type: 'string' },
    callerPhone: nullable('string'),
    status: { type: 'string', enum: leadStatuses },
    urgency: nullable('string', { enum: [...urgencies, null] }),
    serviceType: nullable('string', { enum: [...serviceTypes, null] }),
    subCategory: nullable('string'),
    inArea: nullable('boolean'),
    intent: nullable('string', { enum: [...intents, null] }),
    summary: nullable('string'),
    callCount: { type: 'integer' },
    openedAt: { type: 'string', format: 'date-time' },
    missedAt: timestamp,
    firstTextAt: timestamp,
    repliedAt: timestamp,
    qualifiedAt: timestamp,
    escalatedAt: timestamp,
    bookedAt: timestamp,
    syncedAt: timestamp,
    optedOutAt: timestamp,
    handedOffAt: timestamp,
    lastActivityAt: { type: 'string', format: 'date-time' },
  },
} as const;

export const leadIdParams = {
  type: 'object',
  required: ['leadId'],
  properties: { leadId: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;

export const historyEventSchema = {
  type: 'object',
  properties: {
    type: { type: 'string' },
    schema: nullable('string', { description: 'the Avro record name the event is published with, e.g. naxio.lead.CallMissedV1' }),
    streamVersion: { type: 'integer' },
    position: { type: 'string' },
    recordedAt: { type: 'string', format: 'date-time' },
    metadata: {
      type: 'object',
      properties: {
        eventId: { type: 'string' },
        streamId: { type: 'string' },
        tenantId: { type: 'string' },
        occurredAt: { type: 'string' },
        correlationId: { type: 'string' },
        causationId: nullable('string'),
      },
    },
    data: { type: 'object', additionalProperties: true },
  },
} as const;
