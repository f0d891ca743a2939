import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type EventStore, leadDecider, type StoredEvent } from '@naxio/domain';
import { handleCommand } from '@naxio/infra';
import { loadSchemaVersions } from '@naxio/schemas';
import type { AnalyticsDeps } from '../deps';
import { leadNotFound } from '../errors';
import { errorResponses, errorSchema, historyEventSchema, leadIdParams } from '../schemas';

const security = [{ bearerAuth: [] }];

/** Event type → the Avro record name it is published with (the newest version of its schema). */
function schemaNames(): Map<string, string> {
  const newest = new Map<string, { version: number; name: string }>();
  for (const v of loadSchemaVersions()) if ((newest.get(v.eventType)?.version ?? 0) < v.version) newest.set(v.eventType, v);
  return new Map([...newest].map(([type, v]) => [type, v.name]));
}

/** The lead's stream if it belongs to the tenant; another tenant's lead is as absent as a missing one. */
async function tenantsStream(store: EventStore, tenantId: string, leadId: string): Promise<StoredEvent[]> {
  const { events } = await store.readStream(leadId);
  if (events.length === 0 || events[0]!.metadata.tenantId !== tenantId) throw leadNotFound(leadId);
  return events;
}

const historySchema = {
  summary: 'A lead’s full history, from the event store',
  description: 'Every event in the lead’s stream, in order, with its metadata (correlation, causation) and the schema it is published with. Not a read model: this is the record itself.',
  tags: ['leads'],
  security,
  params: leadIdParams,
  response: {
    200: { type: 'object', properties: { leadId: { type: 'string' }, events: { type: 'array', items: historyEventSchema } } },
    ...errorResponses,
    404: errorSchema,
  },
} as const;

const handOffSchema = {
  summary: 'Hand the lead off to the owner',
  description: 'Stops every automated text, call and follow-up for the lead. Handing off a lead twice records nothing the second time.',
  tags: ['leads'],
  security,
  params: leadIdParams,
  body: { type: 'object', additionalProperties: false, properties: { note: { type: 'string', maxLength: 1000 } } },
  response: {
    200: { type: 'object', properties: { leadId: { type: 'string' }, handedOff: { type: 'boolean' }, recorded: { type: 'array', items: { type: 'string' } } } },
    ...errorResponses,
    404: errorSchema,
  },
} as const;

export function leadHistoryRoutes(scope: FastifyInstance, deps: AnalyticsDeps): void {
  const schemaOf = schemaNames();

  scope.get<{ Params: { leadId: string } }>('/leads/:leadId/history', { schema: historySchema }, async (request) => {
    const events = await tenantsStream(deps.store, request.tenant.tenantId, request.params.leadId);
    return {
      leadId: request.params.leadId,
      events: events.map((e) => ({ ...e, schema: schemaOf.get(e.type) ?? null })),
    };
  });

  // A POST with no body at all is a hand-off without a note.
  const noBodyIsEmpty = async (request: FastifyRequest) => void (request.body ??= {});
  scope.post<{ Params: { leadId: string }; Body: { note?: string } }>('/leads/:leadId/hand-off', { schema: handOffSchema, preValidation: noBodyIsEmpty }, async (request) => {
    const { leadId } = request.params;
    const tenantId = request.tenant.tenantId;
    await tenantsStream(deps.store, tenantId, leadId);
    const command = { type: 'HandOffLead' as const, data: { by: 'owner', note: request.body.note ?? null } };
    const context = { tenantId, now: deps.clock.now(), correlationId: randomUUID(), causationId: null };
    const { events } = await handleCommand(deps.store, leadDecider, leadId, command, context);
    return { leadId, handedOff: true, recorded: events.map((e) => e.type) };
  });
}
