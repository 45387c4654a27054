import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { arr, client, createCase, demo, login, type Session } from './helpers.ts';
import { WebhookWorker, backoffMs } from '../../bot/mediation/webhookWorker.ts';
import { signWebhook, verifyWebhook } from '../../bot/mediation/webhookSignature.ts';
import { createLogger } from '../../bot/logger.ts';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

/** A receiver on 127.0.0.1 that answers from a script of status codes and keeps what it got. */
async function receiver(script: number[] = []) {
  const got: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      res.statusCode = script.shift() ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return { url, got, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const quiet = createLogger('silent');

describe('webhooks', () => {
  let server: TestServer;
  let admin: Session;
  const closers: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    server = await startTestServer();
    admin = await login(server.url, demo.admin);
  });
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((c) => c()));
    // Each test starts with no endpoints and an empty outbox.
    await server.services.db.webhookEndpoint.updateMany({ data: { active: false } });
    await server.services.db.webhookOutbox.updateMany({ where: { status: 'pending' }, data: { status: 'failed' } });
  });
  afterAll(async () => server.close());

  async function endpoint(script?: number[]) {
    const r = await receiver(script);
    closers.push(r.close);
    const created = await client(server.url, admin).post('/api/webhooks', { url: r.url });
    expect(created.status).toBe(201);
    return { ...r, secret: String(created.body.secret), id: String(created.body.id) };
  }

  it('signs deliveries with HMAC-SHA256 over timestamp.body and a receiver can verify them', () => {
    const body = '{"a":1}';
    const now = new Date('2026-11-24T10:00:00Z');
    const ts = Math.floor(now.getTime() / 1000);
    const signature = signWebhook('whsec_test-secret-long-enough', ts, body);
    expect(signature).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(verifyWebhook('whsec_test-secret-long-enough', { signature, timestamp: String(ts) }, body, now)).toBe(true);
    expect(verifyWebhook('whsec_test-secret-long-enough', { signature, timestamp: String(ts) }, '{"a":2}', now)).toBe(false);
    expect(verifyWebhook('another-secret-that-is-long', { signature, timestamp: String(ts) }, body, now)).toBe(false);
    expect(verifyWebhook('whsec_test-secret-long-enough', { signature, timestamp: String(ts) }, body, new Date(now.getTime() + 600_000))).toBe(false);
  });

  it('backs off exponentially with a cap', () => {
    expect([1, 2, 3, 4].map((a) => backoffMs(a, 1000, 5000, 0.5))).toEqual([1000, 2000, 4000, 5000]);
    expect(backoffMs(1, 1000, 5000, 0)).toBe(800);
    expect(backoffMs(1, 1000, 5000, 1)).toBe(1200);
  });

  it('writes the outbox row in the case transaction and POSTs a signed, thin event', async () => {
    const hook = await endpoint();
    const c = await createCase(server.services);
    const rows = await server.services.db.webhookOutbox.findMany({ where: { caseReference: c.reference } });
    expect(rows).toHaveLength(1);
    const worker = new WebhookWorker(server.services.mediation.outbox, quiet);
    expect(await worker.runOnce()).toBe(1);
    expect(hook.got).toHaveLength(1);
    const { headers, body } = hook.got[0]!;
    expect(headers['x-wachtwijzer-delivery']).toBe(rows[0]!.id);
    expect(headers['x-wachtwijzer-event']).toBe('case.created');
    expect(verifyWebhook(hook.secret, { signature: String(headers['x-wachtwijzer-signature']), timestamp: String(headers['x-wachtwijzer-timestamp']) }, body)).toBe(true);
    const event = JSON.parse(body);
    expect(event).toMatchObject({ id: rows[0]!.id, type: 'case.created', insurer: 'demo-verzekeraar', case: { reference: c.reference, status: 'new', specialty: '0305', treeknormExceeded: true } });
    // No patient data travels in a webhook: the receiver reads the case with its token.
    expect(body).not.toContain('Jan Jansen');
    expect(body).not.toContain('1961-04-02');
    expect((await server.services.db.webhookOutbox.findUniqueOrThrow({ where: { id: rows[0]!.id } })).status).toBe('delivered');
    expect(await worker.runOnce()).toBe(0);
  });

  it('sends updates for claim and status changes, and none for a refused change', async () => {
    const hook = await endpoint();
    const c = await createCase(server.services);
    const api = client(server.url, await login(server.url, demo.mediator));
    await api.post(`/api/cases/${c.reference}/claim`);
    expect((await api.post(`/api/cases/${c.reference}/claim`)).status).toBe(409);
    expect((await api.post(`/api/cases/${c.reference}/status`, { status: 'resolved' })).status).toBe(409);
    await api.post(`/api/cases/${c.reference}/status`, { status: 'in_progress' });
    const worker = new WebhookWorker(server.services.mediation.outbox, quiet);
    await worker.runOnce();
    const events = hook.got.map((g) => JSON.parse(g.body) as { type: string; change?: string; case: { status: string } });
    expect(events.map((e) => [e.type, e.change ?? null, e.case.status])).toEqual([
      ['case.created', null, 'new'],
      ['case.updated', 'claim', 'claimed'],
      ['case.updated', 'status:in_progress', 'in_progress'],
    ]);
  });

  it('retries with backoff, keeps the delivery id and logs every attempt', async () => {
    const hook = await endpoint([500, 503, 200]);
    await createCase(server.services);
    let clock = Date.now();
    const worker = new WebhookWorker(server.services.mediation.outbox, quiet, { now: () => new Date(clock), baseDelayMs: 60_000, jitter: () => 0.5 });
    expect(await worker.runOnce()).toBe(1);
    expect(await worker.runOnce()).toBe(0); // not due yet
    clock += 60_000;
    expect(await worker.runOnce()).toBe(1);
    clock += 60_000;
    expect(await worker.runOnce()).toBe(0); // second retry waits twice as long
    clock += 60_000;
    expect(await worker.runOnce()).toBe(1);
    expect(hook.got).toHaveLength(3);
    expect(new Set(hook.got.map((g) => g.headers['x-wachtwijzer-delivery'])).size).toBe(1);
    const deliveries = await client(server.url, admin).get('/api/webhooks/deliveries');
    const mine = arr(deliveries.body.items).find((d) => d.id === hook.got[0]!.headers['x-wachtwijzer-delivery'])!;
    expect(mine.status).toBe('delivered');
    expect(arr(mine.log).map((l) => l.statusCode)).toEqual([500, 503, 200]);
  });

  it('gives up after the last attempt and marks the delivery failed', async () => {
    await endpoint([500, 500, 500]);
    const c = await createCase(server.services);
    let clock = Date.now();
    const worker = new WebhookWorker(server.services.mediation.outbox, quiet, { now: () => new Date(clock), baseDelayMs: 1000, maxAttempts: 3, jitter: () => 0.5 });
    for (let i = 0; i < 3; i++) {
      await worker.runOnce();
      clock += 10_000;
    }
    const row = await server.services.db.webhookOutbox.findFirstOrThrow({ where: { caseReference: c.reference } });
    expect(row.status).toBe('failed');
    expect(row.attempts).toBe(3);
    expect(row.lastError).toBe('HTTP 500');
  });

  it('survives a worker crash: the lease expires, another worker re-sends with the same id, and a deduplicating receiver processes it once', async () => {
    const hook = await endpoint();
    await createCase(server.services);
    let clock = Date.now();
    const outbox = server.services.mediation.outbox;
    // Worker A posts, and the process dies before the result is written: recordAttempt never lands.
    const dying = Object.create(outbox, { recordAttempt: { value: () => Promise.reject(new Error('process killed')) } }) as typeof outbox;
    const a = new WebhookWorker(dying, quiet, { now: () => new Date(clock), leaseMs: 30_000 });
    await a.runOnce().catch(() => undefined);
    expect(hook.got).toHaveLength(1);
    const b = new WebhookWorker(outbox, quiet, { now: () => new Date(clock), leaseMs: 30_000 });
    expect(await b.runOnce()).toBe(0); // A's lease still holds
    clock += 31_000;
    expect(await b.runOnce()).toBe(1);
    expect(hook.got).toHaveLength(2);
    const ids = hook.got.map((g) => String(g.headers['x-wachtwijzer-delivery']));
    expect(new Set(ids).size).toBe(1); // one logical delivery: a receiver that honours the id processes it once
    expect(await b.runOnce()).toBe(0); // and it is not lost either: delivered now
    expect((await server.services.db.webhookOutbox.findUniqueOrThrow({ where: { id: ids[0]! } })).status).toBe('delivered');
  });

  it('hands a crashed worker\'s leased rows to another worker only after the lease', async () => {
    const hook = await endpoint();
    await createCase(server.services);
    const now = new Date();
    const claimed = await server.services.mediation.outbox.claimDue('dead-worker', now, 30_000, 10);
    expect(claimed).toHaveLength(1);
    const worker = new WebhookWorker(server.services.mediation.outbox, quiet, { now: () => new Date(now.getTime() + 1000) });
    expect(await worker.runOnce()).toBe(0);
    const later = new WebhookWorker(server.services.mediation.outbox, quiet, { now: () => new Date(now.getTime() + 31_000) });
    expect(await later.runOnce()).toBe(1);
    expect(hook.got).toHaveLength(1);
    expect(hook.got[0]!.headers['x-wachtwijzer-delivery']).toBe(claimed[0]!.id);
  });

  it('never gives one row to two workers running at once', async () => {
    const hook = await endpoint();
    for (let i = 0; i < 12; i++) await createCase(server.services);
    const workers = Array.from({ length: 4 }, () => new WebhookWorker(server.services.mediation.outbox, quiet, { batchSize: 5 }));
    for (let round = 0; round < 4; round++) await Promise.all(workers.map((w) => w.runOnce()));
    const ids = hook.got.map((g) => String(g.headers['x-wachtwijzer-delivery']));
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
  });

  it('is managed by admins of the own insurer only', async () => {
    const mediatorApi = client(server.url, await login(server.url, demo.mediator));
    expect((await mediatorApi.post('/api/webhooks', { url: 'http://127.0.0.1:9/x' })).status).toBe(403);
    const adminApi = client(server.url, admin);
    expect((await adminApi.post('/api/webhooks', { url: 'ftp://example.test/x' })).status).toBe(400);
    expect((await adminApi.post('/api/webhooks', { url: 'http://127.0.0.1:9/x', secret: 'short' })).status).toBe(400);
    const created = await adminApi.post('/api/webhooks', { url: 'http://127.0.0.1:9/x', secret: 'a-secret-of-at-least-24-chars' });
    expect(created.status).toBe(201);
    expect(created.body.secret).toBe('a-secret-of-at-least-24-chars');
    const listed = await adminApi.get('/api/webhooks');
    expect(JSON.stringify(listed.body)).not.toContain('a-secret-of-at-least-24-chars');
    const otherAdmin = client(server.url, await login(server.url, demo.otherAdmin));
    expect((await otherAdmin.del(`/api/webhooks/${created.body.id}`)).status).toBe(404);
    expect(arr((await otherAdmin.get('/api/webhooks')).body.items)).toHaveLength(0);
    expect((await adminApi.del(`/api/webhooks/${created.body.id}`)).status).toBe(204);
  });
});
