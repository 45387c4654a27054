import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { mediatorStatuses } from '../../bot/domain/caseStatus.ts';
import { mediationRouter } from '../../bot/mediation/routes.ts';
import { waitingTimeAdminRouter } from '../../bot/mediation/waitingTimeAdmin.ts';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { sessionResponse } from '../../bot/mediation/schemas.ts';
import { client, demo, login } from './helpers.ts';

describe('OpenAPI document', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  it('is served at /api/openapi.json and documents every API route of the router', async () => {
    const r = await fetch(`${server.url}/api/openapi.json`);
    expect(r.status).toBe(200);
    const doc = await r.json();
    expect(doc.openapi).toBe('3.1.0');
    // Every /api route the routers really have is in the document, with the same method: the
    // mediation API and the admin routes for waiting-time data and contracts.
    type Stack = { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
    const sv = server.services;
    const dataAdmin = waitingTimeAdminRouter({
      db: sv.db, auth: sv.mediatorAuth, audit: sv.mediation.audit, contracts: sv.contracts, hospitals: async () => [], specialismCodes: new Set(), schedule: { url: null, days: 14 },
    }) as unknown as Stack;
    const routerRoutes = (router: Stack) => router.stack.filter((l) => l.route?.path.startsWith('/api/') && l.route.path !== '/api/openapi.json').map((l) => l.route!);
    const adminRoutes = routerRoutes(dataAdmin);
    expect(adminRoutes.map((r) => r.path).sort()).toEqual(['/api/admin/contracts', '/api/admin/contracts', '/api/admin/waiting-times/sync']);
    const routes = [...routerRoutes(mediationRouter(sv.mediation) as unknown as Stack), ...adminRoutes];
    expect(routes.length).toBeGreaterThan(15);
    for (const route of routes) {
      const path = route.path.replace(/:(\w+)/g, '{$1}');
      for (const method of Object.keys(route.methods)) expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
  });

  it('is generated from the same schemas that validate requests', async () => {
    const doc = await (await fetch(`${server.url}/api/openapi.json`)).json();
    const statusSchema = doc.paths['/api/cases/{reference}/status'].post.requestBody.content['application/json'].schema;
    // A mediator may set every status but withdrawn, which only the patient sets (in the chat).
    expect(statusSchema.properties.status.enum).toEqual([...mediatorStatuses]);
    const params = doc.paths['/api/cases'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(['status', 'specialty', 'treeknormExceeded', 'overdue', 'minAgeDays', 'sort', 'page', 'pageSize', 'q', 'updatedSince', 'cursor', 'assignee']);
    const pageSize = doc.paths['/api/cases'].get.parameters.find((p: { name: string }) => p.name === 'pageSize');
    expect(pageSize.schema).toMatchObject({ maximum: 100, default: 25 });
    expect(doc.paths['/api/cases/{reference}/notes'].post.requestBody.content['application/json'].schema.properties.text.maxLength).toBe(2000);
  });

  it('documents the webhook deliveries (OpenAPI 3.1 webhooks), with every event type including the patient\'s withdrawal', async () => {
    const doc = await (await fetch(`${server.url}/api/openapi.json`)).json();
    const op = doc.webhooks?.caseEvent?.post;
    expect(op?.operationId).toBe('receiveCaseEvent');
    const body = op.requestBody.content['application/json'].schema;
    expect(body.properties.type.enum).toEqual(['case.created', 'case.updated', 'case.withdrawn', 'case.deleted']);
    expect(body.required).toEqual(expect.arrayContaining(['id', 'type', 'occurredAt', 'insurer', 'sequence', 'case']));
    expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(['X-Wachtwijzer-Event', 'X-Wachtwijzer-Delivery', 'X-Wachtwijzer-Timestamp', 'X-Wachtwijzer-Signature']);
  });

  it('passes Redocly\'s recommended lint rules with no errors and no warnings', async () => {
    const source = await (await fetch(`${server.url}/api/openapi.json`)).text();
    const problems = await lintFromString({ source, absoluteRef: 'openapi.json', config: await createConfig({ extends: ['recommended'] }) });
    const shown = problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? ''}`);
    expect(shown.filter((p) => p.startsWith('error')), shown.join('\n')).toEqual([]);
    expect(shown.filter((p) => p.startsWith('warn')), shown.join('\n')).toEqual([]);
  });

  it('gives every operation an operationId and a response schema for its JSON answers', async () => {
    const doc = await (await fetch(`${server.url}/api/openapi.json`)).json();
    const ids = new Set<string>();
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, { operationId?: string; responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(op.operationId, `${method} ${path}`).toBeTruthy();
        ids.add(op.operationId!);
        const success = Object.entries(op.responses).find(([code]) => code.startsWith('2'))!;
        if (success[0] !== '204') expect(Object.values(success[1].content ?? {})[0]?.schema, `${method} ${path}`).toBeDefined();
      }
    }
    expect(ids.size).toBe(Object.values(doc.paths as Record<string, object>).reduce((n, ops) => n + Object.keys(ops).length, 0));
  });

  it('answers GET /api/auth/session in its documented schema, for a session and for a token', async () => {
    const admin = await login(server.url, demo.admin);
    const r = await client(server.url, admin).get('/api/auth/session');
    expect(sessionResponse.safeParse(r.body).error).toBeUndefined();
    const token = await client(server.url, admin).post('/api/tokens', { name: 'session check' });
    const t = await client(server.url, { token: String(token.body.token) }).get('/api/auth/session');
    expect(sessionResponse.safeParse(t.body).error).toBeUndefined();
    expect(t.body.kind).toBe('api_token');
  });
});
