import type { FastifyInstance } from 'fastify';
import { type DocumentedRoute, openApiDocument } from '../openapi';

const info = {
  title: 'Naxio analytics API',
  version: '1.0.0',
  description: 'Recovery rate, funnel, text-back latency and leads for one contractor. Every request carries that tenant’s API key.',
};

const escape = (text: unknown) => String(text ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

type Operation = { summary?: string; description?: string; parameters: Array<{ name: string; in: string; required: boolean; description?: string; schema: { type?: unknown; enum?: unknown[] } }>; responses: Record<string, { description: string }> };

function operationHtml(path: string, method: string, op: Operation): string {
  const params = op.parameters
    .map((p) => `<tr><td><code>${escape(p.name)}</code></td><td>${p.in}${p.required ? ', required' : ''}</td><td>${escape(p.schema.enum ? p.schema.enum.join(' | ') : p.schema.type)}</td><td>${escape(p.description)}</td></tr>`)
    .join('');
  const responses = Object.entries(op.responses).map(([status, r]) => `<li><b>${status}</b> ${escape(r.description)}</li>`).join('');
  return `<section><h2><code>${method.toUpperCase()} ${escape(path)}</code></h2><p><b>${escape(op.summary)}</b> ${escape(op.description)}</p>
${params ? `<table><tr><th>parameter</th><th>in</th><th>type</th><th></th></tr>${params}</table>` : ''}<ul>${responses}</ul></section>`;
}

/** `/docs/openapi.json` (OpenAPI 3.1 from the route schemas) and `/docs`, a plain page rendered from it. */
export function docsRoutes(app: FastifyInstance, routes: readonly DocumentedRoute[]): void {
  const document = () => openApiDocument(routes.filter((r) => r.url.startsWith('/v1/')), info);

  app.get('/docs/openapi.json', async () => document());

  app.get('/docs', async (_request, reply) => {
    const doc = document();
    const sections = Object.entries(doc.paths)
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => operationHtml(path, method, op as Operation)))
      .join('\n');
    const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(info.title)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left}section{margin-bottom:2rem}</style></head>
<body><h1>${escape(info.title)}</h1><p>${escape(info.description)} Send it as <code>Authorization: Bearer &lt;key&gt;</code>. Machine-readable: <a href="/docs/openapi.json">openapi.json</a>.</p>
${sections}</body></html>`;
    return reply.type('text/html; charset=utf-8').send(page);
  });
}
