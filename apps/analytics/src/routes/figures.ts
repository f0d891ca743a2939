import type { FastifyInstance } from 'fastify';
import { checkRange, type DateRange } from '../dates';
import type { AnalyticsDeps } from '../deps';
import { funnelBetween, type GroupBy, groupings } from '../queries/funnel';
import { LATENCY_BUCKETS_MS, latencyBetween } from '../queries/latency';
import { dateRangeQuery, errorResponses, funnelCountsSchema } from '../schemas';

const security = [{ bearerAuth: [] }];

const recoverySchema = {
  summary: 'Recovery rate and funnel',
  description:
    'Leads by the tenant-local day of their first missed call, counted once per stage reached. Recovery rate = booked ÷ missed: a text that went out is not a recovery.',
  tags: ['figures'],
  security,
  querystring: {
    ...dateRangeQuery,
    properties: { ...dateRangeQuery.properties, groupBy: { type: 'string', enum: groupings, default: 'day', description: 'day, week (starting Monday) or trade' } },
  },
  response: {
    200: {
      type: 'object',
      properties: {
        from: { type: 'string' },
        to: { type: 'string' },
        groupBy: { type: 'string' },
        total: funnelCountsSchema,
        groups: { type: 'array', items: { ...funnelCountsSchema, required: ['key', ...funnelCountsSchema.required], properties: { key: { type: 'string' }, ...funnelCountsSchema.properties } } },
      },
    },
    ...errorResponses,
  },
} as const;

const latencySchema = {
  summary: 'Text-back latency',
  description:
    'From the missed call reaching Naxio (the webhook) to the opening text recorded as sent, over leads whose first missed call fell on the tenant-local days from…to. Percentiles are observed values.',
  tags: ['figures'],
  security,
  querystring: dateRangeQuery,
  response: {
    200: {
      type: 'object',
      properties: {
        from: { type: 'string' },
        to: { type: 'string' },
        leads: { type: 'integer', description: 'missed-call leads' },
        texted: { type: 'integer' },
        untexted: { type: 'integer', description: 'leads whose opening text never went out' },
        p50Ms: { type: ['integer', 'null'] },
        p90Ms: { type: ['integer', 'null'] },
        p99Ms: { type: ['integer', 'null'] },
        maxMs: { type: ['integer', 'null'] },
        histogram: {
          type: 'array',
          description: `texted leads per latency bucket; bucket edges ${LATENCY_BUCKETS_MS.join(', ')} ms`,
          items: { type: 'object', properties: { fromMs: { type: 'integer' }, toMs: { type: ['integer', 'null'] }, leads: { type: 'integer' } } },
        },
      },
    },
    ...errorResponses,
  },
} as const;

export function figureRoutes(scope: FastifyInstance, deps: AnalyticsDeps): void {
  scope.get<{ Querystring: DateRange & { groupBy: GroupBy } }>('/recovery', { schema: recoverySchema }, async (request) => {
    const range = checkRange(request.query);
    const { total, groups } = await funnelBetween(deps.pool, request.tenant.tenantId, range, request.query.groupBy);
    return { ...range, groupBy: request.query.groupBy, total, groups };
  });

  scope.get<{ Querystring: DateRange }>('/latency', { schema: latencySchema }, async (request) => {
    const range = checkRange(request.query);
    return { ...range, ...(await latencyBetween(deps.pool, request.tenant.tenantId, range)) };
  });
}
