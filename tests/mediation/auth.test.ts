import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { arr, client, createCase, demo, login } from './helpers.ts';
import { loginResponse } from '../../bot/mediation/schemas.ts';

describe('mediator accounts and access', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  it('logs in with an HttpOnly SameSite=Strict cookie and answers a CSRF token', async () => {
    const r = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: demo.mediator, password: 'demo' }) });
    expect(r.status).toBe(200);
    const body = await r.json();
    expect(loginResponse.safeParse(body).success).toBe(true);
    expect(body).not.toHaveProperty('token');
    const cookie = r.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/^ww_session=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).not.toContain('Secure'); // not in production
    // Only the sha256 of the session secret is stored.
    const secret = cookie.split(';')[0]!.split('=')[1]!;
    expect(await server.services.db.mediatorSession.count({ where: { hash: secret } })).toBe(0);
  });

  it('marks the cookie Secure in production', () => {
    const header = server.services.mediatorAuth.cookieHeader('x', new Date());
    expect(header).not.toContain('Secure');
    const prod = Object.create(server.services.mediatorAuth, { secureCookies: { value: true } }) as typeof server.services.mediatorAuth;
    expect(prod.cookieHeader('x', new Date())).toContain('Secure');
  });

  it('refuses wrong passwords and malformed log-ins', async () => {
    const post = (body: unknown) => fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post({ email: demo.admin, password: 'wrong' })).status).toBe(401);
    expect((await post({ email: 'nobody@example.test', password: 'demo' })).status).toBe(401);
    expect((await post({ email: 'not-an-email', password: 'demo' })).status).toBe(400);
    expect((await post({ email: demo.admin })).status).toBe(400);
  });

  it('throttles failed log-ins per e-mail and IP with 429 and Retry-After, in the database', async () => {
    const email = demo.otherMediator;
    const post = (password: string) => fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    for (let i = 0; i < 5; i++) expect((await post('wrong')).status).toBe(401);
    const locked = await post('demo'); // even the right password waits
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    expect((await locked.json()).error.code).toBe('too_many_attempts');
    expect(await server.services.db.loginThrottle.count()).toBeGreaterThan(0);
    // Another account from the same IP is not affected.
    expect((await login(server.url, demo.otherAdmin)).csrf).toBeTruthy();
  });

  it('requires the CSRF token on cookie-authenticated changes, not on reads or Bearer calls', async () => {
    const s = await login(server.url, demo.mediator);
    const c = await createCase(server.services);
    const noHeader = await fetch(`${server.url}/api/cases/${c.reference}/claim`, { method: 'POST', headers: { cookie: s.cookie } });
    expect(noHeader.status).toBe(403);
    expect((await noHeader.json()).error.code).toBe('csrf_failed');
    const wrong = await fetch(`${server.url}/api/cases/${c.reference}/claim`, { method: 'POST', headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(32) } });
    expect(wrong.status).toBe(403);
    expect((await client(server.url, s).get(`/api/cases/${c.reference}`)).status).toBe(200);
    expect((await client(server.url, s).post(`/api/cases/${c.reference}/claim`)).status).toBe(200);
    // The session endpoint gives the token back after a page reload.
    const session = await client(server.url, s).get('/api/auth/session');
    expect(session.body.csrfToken).toBe(s.csrf);
  });

  it('logs out: the session is revoked and the cookie cleared', async () => {
    const s = await login(server.url, demo.mediator);
    const api = client(server.url, s);
    const out = await api.post('/api/auth/logout');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await api.get('/api/cases')).status).toBe(401);
  });

  it('lets an admin create, list and revoke API tokens; the secret is shown once and stored hashed', async () => {
    const adminSession = await login(server.url, demo.admin);
    const adminApi = client(server.url, adminSession);
    const mediatorApi = client(server.url, await login(server.url, demo.mediator));
    expect((await mediatorApi.post('/api/tokens', { name: 'CRM' })).status).toBe(403);
    expect((await mediatorApi.get('/api/audit')).status).toBe(403);
    expect((await adminApi.post('/api/tokens', { name: '' })).status).toBe(400);
    const created = await adminApi.post('/api/tokens', { name: 'CRM-koppeling' });
    expect(created.status).toBe(201);
    const token = String(created.body.token);
    expect(token).toMatch(/^wwt_/);
    expect(await server.services.db.apiToken.count({ where: { hash: token } })).toBe(0);
    const listed = await adminApi.get('/api/tokens');
    expect(JSON.stringify(listed.body)).not.toContain(token);
    expect(arr(listed.body.items).map((t) => t.name)).toContain('CRM-koppeling');

    // A system reads cases with it, and changes them without CSRF.
    const c = await createCase(server.services);
    const system = client(server.url, { token });
    expect((await system.get(`/api/cases/${c.reference}`)).status).toBe(200);
    expect((await system.post(`/api/cases/${c.reference}/claim`)).status).toBe(200);
    expect((await system.get('/api/tokens')).status).toBe(403); // a mediator-role token is no admin
    // Its log rows say which token acted, on whose behalf.
    const audit = await adminApi.get(`/api/audit?case=${c.reference}`);
    const claimRow = arr(audit.body.items).find((i) => i.action === 'case.claim')!;
    expect(claimRow.actorType).toBe('api_token');
    expect(claimRow.onBehalfOf).toBe(`mediator:${adminSession.mediator.id}`);

    // Another insurer's admin cannot revoke it; its own admin can.
    const otherAdmin = client(server.url, await login(server.url, demo.otherAdmin));
    expect((await otherAdmin.del(`/api/tokens/${created.body.id}`)).status).toBe(404);
    expect((await otherAdmin.get(`/api/cases/${c.reference}`)).status).toBe(404);
    expect((await adminApi.del(`/api/tokens/${created.body.id}`)).status).toBe(204);
    expect((await system.get(`/api/cases/${c.reference}`)).status).toBe(401);
  });

  it('lets an admin add a mediator to their own insurer', async () => {
    const adminApi = client(server.url, await login(server.url, demo.admin));
    expect((await adminApi.post('/api/mediators', { email: 'nieuw@demo-verzekeraar.test', name: 'Nieuwe Collega', password: 'kort' })).status).toBe(400);
    const created = await adminApi.post('/api/mediators', { email: 'nieuw@demo-verzekeraar.test', name: 'Nieuwe Collega', password: 'een-lang-wachtwoord' });
    expect(created.status).toBe(201);
    expect(created.body.tenantId).toBe('demo-verzekeraar');
    expect(created.body).not.toHaveProperty('passwordHash');
    expect((await adminApi.post('/api/mediators', { email: 'nieuw@demo-verzekeraar.test', name: 'X', password: 'een-lang-wachtwoord' })).status).toBe(409);
    const s = await login(server.url, 'nieuw@demo-verzekeraar.test', 'een-lang-wachtwoord');
    expect(s.mediator.role).toBe('mediator');
  });
});
