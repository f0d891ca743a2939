import type { FastifyInstance, RouteOptions } from 'fastify';

type Schema = Record<string, unknown> & { properties?: Record<string, Record<string, unknown>>; required?: readonly string[] };
type RouteSchema = { summary?: string; description?: string; tags?: string[]; security?: unknown[]; params?: Schema; querystring?: Schema; body?: Schema; response?: Record<string, Schema> };
export type DocumentedRoute = { method: string; url: string; schema: RouteSchema };

/** Records every route that has a schema as it is added; call before registering routes. */
export function collectRoutes(app: FastifyInstance): DocumentedRoute[] {
  const routes: DocumentedRoute[] = [];
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = ([] as string[]).concat(route.method).filter((m) => m !== 'HEAD');
    if (!route.schema) return;
    for (const method of methods) routes.push({ method: method.toLowerCase(), url: route.url, schema: route.schema as RouteSchema });
  });
  return routes;
}

function parameters(schema: Schema | undefined, where: 'path' | 'query') {
  return Object.entries(schema?.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (schema?.required ?? []).includes(name),
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
    schema: property,
  }));
}

const reasons: Record<string, string> = { '200': 'OK', '400': 'bad parameters', '401': 'missing or unknown API key', '404': 'no such lead for this key' };

function operation(route: DocumentedRoute) {
  const { schema } = route;
  const responses = Object.fromEntries(
    Object.entries(schema.response ?? {}).map(([status, body]) => [status, { description: reasons[status] ?? status, content: { 'application/json': { schema: body } } }]),
  );
  return {
    summary: schema.summary,
    description: schema.description,
    tags: schema.tags,
    security: schema.security,
    parameters: [...parameters(schema.params, 'path'), ...parameters(schema.querystring, 'query')],
    ...(schema.body ? { requestBody: { required: false, content: { 'application/json': { schema: schema.body } } } } : {}),
    responses,
  };
}

/** An OpenAPI 3.1 document built from the routes' own JSON schemas, so it cannot drift from them. */
export function openApiDocument(routes: readonly DocumentedRoute[], info: { title: string; version: string; description: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    paths[path] = { ...paths[path], [route.method]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info,
    paths,
    components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'a per-tenant API key' } } },
  };
}
