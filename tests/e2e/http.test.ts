import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { demoDirectLineSecret } from '../../prisma/demoData.ts';

const json = { 'content-type': 'application/json' };

describe('the server turns bad input into a 4xx JSON error that says what is wrong', () => {
  let s: TestServer;
  let token: string;
  let conversationId: string;
  beforeAll(async () => {
    s = await startTestServer({ DIRECTLINE_TOKEN_TTL_SECONDS: '60' });
    const r = await fetch(`${s.url}/v3/directline/tokens/generate`, { method: 'POST', headers: { ...json, origin: 'http://localhost:3000' }, body: '{"tenant":"demo-verzekeraar"}' });
    ({ token, conversationId } = (await r.json()) as { token: string; conversationId: string });
  });
  afterAll(async () => s.close());

  const expectError = async (r: Response, status: number, message: RegExp) => {
    expect(r.status).toBe(status);
    const body = (await r.json()) as { error: { code: string; message: string } };
    expect(body.error.message).toMatch(message);
  };

  it.each([
    ['malformed JSON on /api/messages', '/api/messages', '{"type":', 400, /not valid JSON/],
    ['malformed JSON on tokens/generate', '/v3/directline/tokens/generate', '{"tenant"', 400, /not valid JSON/],
    ['a missing tenant', '/v3/directline/tokens/generate', '{}', 400, /tenant/],
  ])('%s', async (_name, path, body, status, message) => {
    await expectError(await fetch(`${s.url}${path}`, { method: 'POST', headers: { ...json, origin: 'http://localhost:3000' }, body }), status, message);
  });

  it('an oversize body is 413', async () => {
    const big = JSON.stringify({ type: 'message', text: 'x'.repeat(70_000) });
    await expectError(await fetch(`${s.url}/v3/directline/conversations/${conversationId}/activities`, { method: 'POST', headers: { ...json, authorization: `Bearer ${token}` }, body: big }), 413, /too large/);
  });

  it('a tenant that does not exist is 404', async () => {
    await expectError(await fetch(`${s.url}/v3/directline/tokens/generate`, { method: 'POST', headers: { ...json, origin: 'http://localhost:3000' }, body: '{"tenant":"bestaat-niet"}' }), 404, /Unknown tenant/);
  });

  it('an Origin not on the allow-list is 403', async () => {
    await expectError(await fetch(`${s.url}/v3/directline/tokens/generate`, { method: 'POST', headers: { ...json, origin: 'https://elders.example' }, body: '{"tenant":"demo-verzekeraar"}' }), 403, /not allowed/);
  });

  it('a server-to-server call needs the tenant secret, and works with it', async () => {
    await expectError(await fetch(`${s.url}/v3/directline/tokens/generate`, { method: 'POST', headers: json, body: '{"tenant":"demo-verzekeraar"}' }), 401, /Bearer/);
    await expectError(await fetch(`${s.url}/v3/directline/tokens/generate`, { method: 'POST', headers: { ...json, authorization: 'Bearer wrong' }, body: '{"tenant":"demo-verzekeraar"}' }), 403, /secret/);
    const ok = await fetch(`${s.url}/v3/directline/tokens/generate`, { method: 'POST', headers: { ...json, authorization: `Bearer ${demoDirectLineSecret('demo-verzekeraar')}` }, body: '{"tenant":"demo-verzekeraar"}' });
    expect(ok.status).toBe(200);
  });

  it('a forged token is 403, no token 401, and a token for another conversation 403', async () => {
    await expectError(await fetch(`${s.url}/v3/directline/conversations/${conversationId}/activities`, { headers: { authorization: 'Bearer forged' } }), 403, /not valid/);
    await expectError(await fetch(`${s.url}/v3/directline/conversations/${conversationId}/activities`), 401, /Bearer/);
    await expectError(await fetch(`${s.url}/v3/directline/conversations/someone-else/activities`, { headers: { authorization: `Bearer ${token}` } }), 403, /another conversation/);
  });

  it('an expired token is 403 and a refreshed one works', async () => {
    const refreshed = await fetch(`${s.url}/v3/directline/tokens/refresh`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(refreshed.status).toBe(200);
    const fresh = (await refreshed.json()) as { token: string; conversationId: string; expires_in: number };
    expect(fresh.conversationId).toBe(conversationId);
    expect(fresh.token).not.toBe(token);
    expect(fresh.expires_in).toBe(60);
    // Age the token in the database rather than waiting a minute.
    const { sha256 } = await import('../../bot/channels/directline/tokens.ts');
    await s.services.db.directLineToken.update({ where: { hash: sha256(fresh.token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expectError(await fetch(`${s.url}/v3/directline/conversations/${conversationId}/activities`, { headers: { authorization: `Bearer ${fresh.token}` } }), 403, /expired/);
  });

  it('an invalid activity and a bad watermark are 400, and nothing is lost', async () => {
    await expectError(await fetch(`${s.url}/v3/directline/conversations/${conversationId}/activities`, { method: 'POST', headers: { ...json, authorization: `Bearer ${token}` }, body: '{"type":"nonsense"}' }), 400, /type/);
    await expectError(await fetch(`${s.url}/v3/directline/conversations/${conversationId}/activities?watermark=abc`, { headers: { authorization: `Bearer ${token}` } }), 400, /watermark/);
    const ok = await fetch(`${s.url}/v3/directline/conversations/${conversationId}/activities`, { method: 'POST', headers: { ...json, authorization: `Bearer ${token}` }, body: '{"type":"message","text":"hallo"}' });
    expect(ok.status).toBe(200);
  });

  it('an unknown route is a JSON 404', async () => {
    await expectError(await fetch(`${s.url}/api/nope`), 404, /No route/);
  });
});

describe('server qualities', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => s.close());

  it('/healthz checks the database', async () => {
    const r = await fetch(`${s.url}/healthz`);
    expect(await r.json()).toMatchObject({ status: 'ok', database: 'ok' });
  });

  it('sends security headers and a request id, keeping a well-formed incoming one', async () => {
    const r = await fetch(`${s.url}/`, { headers: { 'x-request-id': 'trace-12345678' } });
    expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('x-request-id')).toBe('trace-12345678');
    expect((await fetch(`${s.url}/`, { headers: { 'x-request-id': 'bad id with spaces' } })).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('the demo page embeds the widget the way a web team would, and the script is served', async () => {
    const html = await (await fetch(`${s.url}/`)).text();
    expect(html).toMatch(/<script src="\/widget\.js" data-tenant="demo-verzekeraar" async><\/script>/);
    const js = await fetch(`${s.url}/widget.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
  });

  it('answers CORS preflights for Direct Line from any page', async () => {
    const r = await fetch(`${s.url}/v3/directline/tokens/generate`, { method: 'OPTIONS', headers: { origin: 'https://www.verzekeraar.nl', 'access-control-request-method': 'POST' } });
    expect(r.status).toBe(204);
    expect(r.headers.get('access-control-allow-origin')).toBe('https://www.verzekeraar.nl');
  });
});

describe('the privacy statement the assistant links to', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ CONVERSATION_RETENTION_DAYS: '14' });
  });
  afterAll(async () => s.close());

  it('is served in Dutch by default and in English on request, with the configured retention', async () => {
    const nl = await (await fetch(`${s.url}/privacy`)).text();
    expect(nl).toContain('<html lang="nl">');
    expect(nl).toContain('Na 14 dagen zonder nieuw bericht');
    expect(nl).toContain('BSN');
    const en = await (await fetch(`${s.url}/privacy?lang=en`)).text();
    expect(en).toContain('After 14 days without a new message');
  });
});
