import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

const generate = (s: TestServer, from?: string, tenant = 'demo-verzekeraar') =>
  fetch(`${s.url}/v3/directline/tokens/generate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://localhost:3000', ...(from ? { 'x-forwarded-for': from } : {}) },
    body: JSON.stringify({ tenant }),
  });

/** POST with a Host header of our choosing (fetch does not let a caller set Host). */
function postWithHost(url: string, path: string, host: string, headers: Record<string, string>, body = ''): Promise<{ status: number; body: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method: 'POST', headers: { host, 'content-type': 'application/json', ...headers } }, (res) => {
      let data = '';
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('tokens/generate is rate limited per address and per tenant (defect 8)', () => {
  let s: TestServer;
  beforeAll(async () => {
    // The limits count per clock minute: start early in one so the counts below share a window.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 40_000) await new Promise((r) => setTimeout(r, 60_500 - intoMinute));
    s = await startTestServer({ TRUST_PROXY: 'loopback', DIRECTLINE_GENERATE_PER_ADDRESS_PER_MINUTE: '5', DIRECTLINE_GENERATE_PER_TENANT_PER_MINUTE: '8' });
  });
  afterAll(async () => s.close());

  it('answers 429 with Retry-After once an address has opened its share, and other addresses go on', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await generate(s, '203.0.113.10')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const refused = await generate(s, '203.0.113.10');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    expect((await generate(s, '203.0.113.11')).status).toBe(200);
  });

  it('limits a tenant across addresses, counted in the database', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await generate(s, `198.51.100.${i + 1}`, 'demo-ziekenhuis')).status);
    // 8 per tenant per minute; demo-verzekeraar already used 6 above, demo-ziekenhuis is counted apart.
    expect(statuses).toEqual([200, 200, 200, 200]);
    const more: number[] = [];
    for (let i = 0; i < 4; i++) more.push((await generate(s, `198.51.100.${i + 20}`)).status);
    expect(more).toEqual([200, 200, 429, 429]);
    expect(await s.services.db.rateLimitCounter.count()).toBeGreaterThan(0);
  });

  it('does not limit loopback outside production (tests and benchmarks open hundreds)', async () => {
    const statuses = await Promise.all(Array.from({ length: 20 }, () => generate(s).then((r) => r.status)));
    expect(statuses.every((x) => x === 200)).toBe(true);
  });
});

describe('streamUrl never carries a foreign Host next to the token (defect 8)', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => s.close());

  const streamUrlFor = async (host: string) => {
    const gen = JSON.parse((await postWithHost(s.url, '/v3/directline/tokens/generate', host, { origin: 'http://localhost:3000' }, '{"tenant":"demo-verzekeraar"}')).body) as { token: string };
    const started = await postWithHost(s.url, '/v3/directline/conversations', host, { authorization: `Bearer ${gen.token}` });
    return (JSON.parse(started.body) as { streamUrl: string }).streamUrl;
  };

  it('reflects a loopback Host in development', async () => {
    expect(await streamUrlFor(`127.0.0.1:${new URL(s.url).port}`)).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:${new URL(s.url).port}/v3/directline/conversations/`));
    expect(await streamUrlFor('localhost:9999')).toMatch(/^ws:\/\/localhost:9999\//);
  });

  it('replaces any other Host by this machine', async () => {
    const url = await streamUrlFor('evil.example');
    expect(url).not.toContain('evil.example');
    expect(url).toMatch(new RegExp(`^ws://localhost:${new URL(s.url).port}/`));
  });

  it('uses PUBLIC_URL when set, whatever the Host', async () => {
    const p = await startTestServer({ PUBLIC_URL: 'https://chat.verzekeraar.example' });
    try {
      const gen = JSON.parse((await postWithHost(p.url, '/v3/directline/tokens/generate', 'evil.example', { origin: 'http://localhost:3000' }, '{"tenant":"demo-verzekeraar"}')).body) as { token: string };
      const started = JSON.parse((await postWithHost(p.url, '/v3/directline/conversations', 'evil.example', { authorization: `Bearer ${gen.token}` })).body) as { streamUrl: string };
      expect(started.streamUrl).toMatch(/^wss:\/\/chat\.verzekeraar\.example\/v3\/directline\/conversations\//);
    } finally {
      await p.close();
    }
  });
});
