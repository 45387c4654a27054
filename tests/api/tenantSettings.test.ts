// The tenant's own settings that the assistant's answers use: an admin keeps its customer-service
// route (phone, page per language) and its promised first contact up to date; the next
// conversation answers with them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { login } from '../mediation/helpers.ts';
import { Conversation, play } from '../conversation/harness.ts';
import { tenantView } from '../../bot/data/tenantView.ts';

describe('GET/PATCH /api/admin/settings', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => s.close());

  const patch = (headers: Record<string, string>, body: unknown) =>
    fetch(`${s.url}/api/admin/settings`, { method: 'PATCH', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('admins only, with CSRF for the console session', async () => {
    const admin = await login(s.url, 'admin@demo-verzekeraar.test');
    const mediator = await login(s.url, 'mediator@demo-verzekeraar.test').catch(() => null);
    expect((await fetch(`${s.url}/api/admin/settings`)).status).toBe(401);
    expect((await patch({ cookie: admin.cookie }, { responseWorkingDays: 3 })).status).toBe(403);
    if (mediator) expect((await patch({ cookie: mediator.cookie, 'x-csrf-token': mediator.csrf }, { responseWorkingDays: 3 })).status).toBe(403);
    const got = await fetch(`${s.url}/api/admin/settings`, { headers: { cookie: admin.cookie } });
    expect(got.status).toBe(200);
    expect(await got.json()).toMatchObject({ tenant: 'demo-verzekeraar', responseWorkingDays: expect.any(Number), customerService: { url: { nl: expect.any(String) } } });
  });

  it('refuses what a patient could not use, with a message that names the field, and keeps what was stored', async () => {
    const admin = await login(s.url, 'admin@demo-verzekeraar.test');
    const before = await (await fetch(`${s.url}/api/admin/settings`, { headers: { cookie: admin.cookie } })).json();
    for (const body of [
      { customerService: { phone: 'bel ons' } },
      { customerService: { url: { nl: 'http://insecure.example/klantenservice' } } },
      { customerService: { url: { de: 'https://example.de' } } },
      { responseWorkingDays: 0 },
      { responseWorkingDays: 2.5 },
      { theme: { primaryColor: '#000' } },
      [],
    ]) {
      const res = await patch({ cookie: admin.cookie, 'x-csrf-token': admin.csrf }, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/customerService|responseWorkingDays|body|Unrecognized/);
    }
    expect(await (await fetch(`${s.url}/api/admin/settings`, { headers: { cookie: admin.cookie } })).json()).toEqual(before);
  });

  it('a change shows in the next answer about claims and in the promised first contact, and is audited', async () => {
    const admin = await login(s.url, 'admin@demo-verzekeraar.test');
    const res = await patch({ cookie: admin.cookie, 'x-csrf-token': admin.csrf }, { customerService: { phone: '088 123 4567', url: { nl: 'https://www.demo-verzekeraar.example/contact' } }, responseWorkingDays: 4 });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ customerService: { phone: '088 123 4567', url: { nl: 'https://www.demo-verzekeraar.example/contact', en: expect.any(String) } }, responseWorkingDays: 4 });
    const harness = { services: s.services, close: async () => {}, tenant: async (id: string) => tenantView((await s.services.tenants.find(id))!) };
    await play(new Conversation(harness, 'demo-verzekeraar', 'nl'), [
      ['<start>', {}],
      ['hoe declareer ik een nota van de tandarts?', { says: [/088 123 4567/, /demo-verzekeraar\.example\/contact/] }],
      ['hoe snel neemt de zorgbemiddelaar contact met mij op?', { says: [/4 werkdagen/] }],
    ]);
    const audit = await s.services.db.auditEvent.findMany({ where: { action: 'settings.update' } });
    expect(audit).toHaveLength(1);
  });
});
