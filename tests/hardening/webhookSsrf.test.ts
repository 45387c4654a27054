import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { client, createCase, demo, login } from '../mediation/helpers.ts';
import { guardedFetch, type Resolver } from '../../bot/mediation/webhookFetch.ts';
import { WebhookWorker } from '../../bot/mediation/webhookWorker.ts';
import { createLogger } from '../../bot/logger.ts';

/** A receiver on loopback that counts what reaches it; optionally answers with a redirect. */
async function receiver(answer: (hit: number) => { status: number; location?: string } = () => ({ status: 200 })) {
  let hits = 0;
  const server: Server = createServer((req, res) => {
    hits += 1;
    req.resume();
    const a = answer(hits);
    res.writeHead(a.status, a.location ? { location: a.location } : {});
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, hits: () => hits, close: () => new Promise((r) => server.close(r)) };
}

const production = { NODE_ENV: 'production', PUBLIC_URL: 'https://wachtwijzer.example.nl', MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'x' };

describe('webhook targets are judged as addresses, not strings (defect 5)', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(production);
  });
  afterAll(async () => s.close());

  it.each([
    'https://[::ffff:127.0.0.1]:4197/', 'https://[::ffff:169.254.169.254]/', 'https://[::ffff:10.0.0.1]/', 'https://[::127.0.0.1]/',
    'https://[fd00::1]/', 'https://[fe80::1]/', 'https://0x7f.0.0.1/', 'https://2130706433/', 'https://localhost./',
  ])('production refuses %s', async (url) => {
    const admin = client(s.url, await login(s.url, demo.admin));
    const r = await admin.post('/api/webhooks', { url, secret: 'whsec_a-secret-that-is-long-enough' });
    expect(r.status).toBe(400);
  });

  it('production accepts a public https host', async () => {
    const admin = client(s.url, await login(s.url, demo.admin));
    const r = await admin.post('/api/webhooks', { url: 'https://hooks.verzekeraar.example/wachtwijzer', secret: 'whsec_a-secret-that-is-long-enough' });
    expect(r.status).toBe(201);
  });
});

describe('webhook delivery checks the addresses it connects to', () => {
  const refusing = (resolve?: Resolver) => guardedFetch({ refusePrivate: true, ...(resolve ? { resolve } : {}) });

  it('does not connect to a loopback literal', async () => {
    const r = await receiver();
    await expect(refusing()(r.url, { method: 'POST', body: '{}' })).rejects.toThrow(/private or local/);
    expect(r.hits()).toBe(0);
    await r.close();
  });

  it('does not connect when a public-looking name resolves to a private address now (DNS rebinding)', async () => {
    const r = await receiver();
    const port = new URL(r.url).port;
    const rebinding: Resolver = (_host, cb) => cb(null, [{ address: '127.0.0.1', family: 4 }]);
    await expect(refusing(rebinding)(`http://hooks.rebind.example:${port}/hook`, { method: 'POST', body: '{}' })).rejects.toThrow(/resolves to a private/);
    const mapped: Resolver = (_host, cb) => cb(null, [{ address: '93.184.216.34', family: 4 }, { address: '::ffff:127.0.0.1', family: 6 }]);
    await expect(refusing(mapped)(`http://hooks.rebind.example:${port}/hook`, { method: 'POST', body: '{}' })).rejects.toThrow(/resolves to a private/);
    expect(r.hits()).toBe(0);
    await r.close();
  });

  it('delivers normally where private targets are allowed (development)', async () => {
    const r = await receiver();
    const res = await guardedFetch({ refusePrivate: false })(r.url, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(200);
    expect(r.hits()).toBe(1);
    await r.close();
  });

  it('never follows a redirect, so a public receiver cannot send the server into its network', async () => {
    const inner = await receiver();
    const outer = await receiver(() => ({ status: 307, location: inner.url }));
    const res = await guardedFetch({ refusePrivate: false })(outer.url, { method: 'POST', body: '{}' });
    expect(res.status).toBe(307);
    expect(inner.hits()).toBe(0);
    await Promise.all([inner.close(), outer.close()]);
  });

  it('the worker in production records a refused attempt and never reaches a loopback endpoint', async () => {
    const s = await startTestServer();
    try {
      const r = await receiver();
      const admin = client(s.url, await login(s.url, demo.admin));
      expect((await admin.post('/api/webhooks', { url: r.url, secret: 'whsec_a-secret-that-is-long-enough' })).status).toBe(201);
      await createCase(s.services);
      const worker = new WebhookWorker(s.services.mediation.outbox, createLogger('silent'), { fetch: refusing() });
      expect(await worker.runOnce()).toBe(1);
      expect(r.hits()).toBe(0);
      const attempt = await s.services.db.webhookAttempt.findFirst({ orderBy: { at: 'desc' } });
      expect(attempt?.error).toMatch(/private or local/);
      await r.close();
    } finally {
      await s.close();
    }
  });
});
