import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';

const DASHBOARD_DIR = join(__dirname, '..', 'dashboard');

/** The dashboard: one HTML page and one script; all figures come from the API with the tenant's key. */
export function dashboardRoutes(app: FastifyInstance): void {
  const page = readFileSync(join(DASHBOARD_DIR, 'index.html'), 'utf8');
  const script = readFileSync(join(DASHBOARD_DIR, 'app.js'), 'utf8');
  app.get('/dashboard', async (_request, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page));
  app.get('/dashboard/app.js', async (_request, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-store').send(script));
}
