import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { mediatorStatuses } from '../../bot/domain/caseStatus.ts';
import { mediationRouter } from '../../bot/mediation/routes.ts';

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
    // Every /api route the router really has is in the document, with the same method.
    const router = mediationRouter(server.services.mediation) as unknown as { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
    const routes = router.stack.filter((l) => l.route?.path.startsWith('/api/') && l.route.path !== '/api/openapi.json').map((l) => l.route!);
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
    expect(params).toEqual(['status', 'specialty', 'treeknormExceeded', 'overdue', 'minAgeDays', 'sort', 'page', 'pageSize']);
    const pageSize = doc.paths['/api/cases'].get.parameters.find((p: { name: string }) => p.name === 'pageSize');
    expect(pageSize.schema).toMatchObject({ maximum: 100, default: 25 });
    expect(doc.paths['/api/cases/{reference}/notes'].post.requestBody.content['application/json'].schema.properties.text.maxLength).toBe(2000);
  });
});
