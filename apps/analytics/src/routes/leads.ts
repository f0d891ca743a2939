import type { FastifyInstance } from 'fastify';
import { serviceTypes, urgencies } from '@naxio/domain';
import { decodeCursor, encodeCursor } from '../cursor';
import { checkRange } from '../dates';
import type { AnalyticsDeps } from '../deps';
import { leadNotFound } from '../errors';
import { findLead, type LeadFilters, listLeads } from '../queries/leads';
import { dateParam, errorResponses, errorSchema, leadIdParams, leadSchema, leadStatuses } from '../schemas';

export const MAX_PAGE = 200;

const security = [{ bearerAuth: [] }];

type LeadsQuery = LeadFilters & { limit: number; cursor?: string };

const listSchema = {
  summary: 'Leads, newest first',
  description: 'Filters combine. Pass the returned nextCursor as cursor for the next page; null means this was the last.',
  tags: ['leads'],
  security,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      status: { type: 'string', enum: leadStatuses },
      urgency: { type: 'string', enum: urgencies },
      serviceType: { type: 'string', enum: serviceTypes },
      from: { ...dateParam, description: 'opened on or after this tenant-local day' },
      to: { ...dateParam, description: 'opened on or before this tenant-local day' },
      limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 50 },
      cursor: { type: 'string', minLength: 1, maxLength: 500 },
    },
  },
  response: {
    200: { type: 'object', properties: { leads: { type: 'array', items: leadSchema }, nextCursor: { type: ['string', 'null'] } } },
    ...errorResponses,
  },
} as const;

const oneSchema = {
  summary: 'One lead',
  tags: ['leads'],
  security,
  params: leadIdParams,
  response: { 200: leadSchema, ...errorResponses, 404: errorSchema },
} as const;

export function leadRoutes(scope: FastifyInstance, deps: AnalyticsDeps): void {
  scope.get<{ Querystring: LeadsQuery }>('/leads', { schema: listSchema }, async (request) => {
    const { limit, cursor, ...filters } = request.query;
    if (filters.from && filters.to) checkRange({ from: filters.from, to: filters.to });
    const page = await listLeads(deps.pool, request.tenant, filters, limit, cursor ? decodeCursor(cursor) : undefined);
    return { leads: page.leads, nextCursor: page.next ? encodeCursor(page.next) : null };
  });

  scope.get<{ Params: { leadId: string } }>('/leads/:leadId', { schema: oneSchema }, async (request) => {
    const lead = await findLead(deps.pool, request.tenant.tenantId, request.params.leadId);
    if (!lead) throw leadNotFound(request.params.leadId);
    return lead;
  });
}
