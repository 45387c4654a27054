import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { onPostgres } from '../support/db.ts';
import { startInstances, type Instance } from '../support/instances.ts';
import { answerFor, keesFirstMessage } from '../support/patientAnswers.ts';
import { client, contractRequest, demo, login } from '../mediation/helpers.ts';
import { WebhookWorker } from '../../bot/mediation/webhookWorker.ts';
import { createLogger } from '../../bot/logger.ts';
import { PostgresNotifier } from '../../bot/data/postgresNotifier.ts';
import type { NewCase } from '../../bot/data/caseStore.ts';

type Activity = { id?: string; type: string; from?: { id: string; role?: string }; text?: string; channelData?: { slot?: string; caseReference?: string }; suggestedActions?: { actions: { title?: string; value?: unknown }[] } };

const quiet = createLogger('silent');

async function startConversation(base: string) {
  const gen = (await (await fetch(`${base}/v3/directline/tokens/generate`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: '{"tenant":"demo-verzekeraar"}' })).json()) as { token: string; conversationId: string };
  const headers = { authorization: `Bearer ${gen.token}`, 'content-type': 'application/json' };
  await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers });
  return { ...gen, headers };
}

async function send(base: string, c: { conversationId: string; headers: Record<string, string> }, text: string) {
  const r = await fetch(`${base}/v3/directline/conversations/${c.conversationId}/activities`, { method: 'POST', headers: c.headers, body: JSON.stringify({ type: 'message', text, from: { id: 'patient' } }) });
  expect(r.status).toBe(200);
}

async function activities(base: string, c: { conversationId: string; headers: Record<string, string> }) {
  const page = (await (await fetch(`${base}/v3/directline/conversations/${c.conversationId}/activities`, { headers: c.headers })).json()) as { activities: Activity[] };
  return page.activities;
}

const bot = (a: Activity) => a.type === 'message' && a.from?.id !== 'patient';

describe.skipIf(!onPostgres)('several instances on one PostgreSQL database', () => {
  let cluster: Awaited<ReturnType<typeof startInstances>>;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    cluster = await startInstances(2);
    [a, b] = cluster.instances as [Instance, Instance];
  });
  afterAll(async () => cluster?.close());

  it('carries one conversation whose turns alternate between the instances through the intake to one case', async () => {
    const c = await startConversation(a.url);
    await send(b.url, c, keesFirstMessage);
    let reference: string | undefined;
    for (let turn = 0; turn < 30 && !reference; turn++) {
      const all = await activities(turn % 2 ? a.url : b.url, c);
      const last = all.filter(bot).at(-1)!;
      reference = all.find((x) => x.channelData?.caseReference)?.channelData?.caseReference;
      if (reference) break;
      const slot = last.channelData?.slot;
      expect(slot, `turn ${turn}: the assistant asks for something (${last.text})`).toBeDefined();
      await send(turn % 2 ? b.url : a.url, c, answerFor(slot!, last.suggestedActions?.actions ?? []));
    }
    expect(reference).toMatch(/^ZB-/);
    const cases = await a.services.db.case.findMany({ where: { conversationId: c.conversationId } });
    expect(cases).toHaveLength(1);
  });

  it('orders concurrent turns of one conversation sent to two instances: both are answered, one after the other', async () => {
    const c = await startConversation(a.url);
    await Promise.all([send(a.url, c, 'Hoe lang is de wachttijd voor orthopedie in het Maasstad?'), send(b.url, c, 'Wat is een Treeknorm?')]);
    const all = await activities(b.url, c);
    const users = all.filter((x) => x.from?.id === 'patient');
    expect(users).toHaveLength(2);
    // Each patient message is followed by its own answer before the next patient message starts.
    const order = all.filter((x) => x.type === 'message').map((x) => (x.from?.id === 'patient' ? 'P' : 'B')).join('');
    expect(order).toMatch(/^B*PB+PB+$/);
  });

  // The welcome arrives on the socket before the turn is sent: only a reply that came after the
  // send counts (waiting for "any bot text" once ended the wait on the welcome and failed).
  it('streams to a WebSocket on one instance the replies to a turn posted on another, within a second', async () => {
    const c = await startConversation(a.url);
    const started = (await (await fetch(`${a.url}/v3/directline/conversations`, { method: 'POST', headers: c.headers })).json()) as { streamUrl: string };
    const ws = new WebSocket(started.streamUrl);
    const got: { at: number; activities: Activity[] }[] = [];
    ws.on('message', (data) => {
      const text = String(data);
      if (text.trim() === '') return;
      got.push({ at: Date.now(), activities: (JSON.parse(text) as { activities: Activity[] }).activities });
    });
    await new Promise<void>((resolve, reject) => (ws.on('open', () => resolve()), ws.on('error', reject)));
    await new Promise((r) => setTimeout(r, 1500)); // past the stream's first polls: only a notice can be fast now
    const sentAt = Date.now();
    await send(b.url, c, 'Wat is een Treeknorm?');
    const deadline = Date.now() + 3000;
    const replied = () => got.some((g) => g.at >= sentAt && g.activities.some((x) => bot(x) && x.text));
    while (Date.now() < deadline && !replied()) await new Promise((r) => setTimeout(r, 20));
    ws.close();
    const firstReply = got.find((g) => g.activities.some((x) => bot(x) && x.text && g.at >= sentAt));
    expect(firstReply, 'a reply arrived on the other instance’s socket').toBeDefined();
    expect(firstReply!.at - sentAt).toBeLessThan(1000);
  });

  it('gives a case claimed on both instances at once to exactly one claimant', async () => {
    const created = await a.services.cases.create(newCase('race'));
    const session = await login(a.url, demo.mediator);
    const apis = [client(a.url, session), client(b.url, session)];
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => apis[i % 2]!.post(`/api/cases/${created.case.reference}/claim`, {})));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
  });

  it('makes one case of a hand-off double-sent to two instances', async () => {
    const input = newCase('double');
    const [first, second] = await Promise.all([a.services.cases.create(input), b.services.cases.create(input)]);
    expect(first.case.reference).toBe(second.case.reference);
    expect([first.created, second.created].sort()).toEqual([false, true]);
    expect(await a.services.db.case.count({ where: { idempotencyKey: input.idempotencyKey } })).toBe(1);
  });

  it('delivers each webhook event once while workers on both instances run at the same time', async () => {
    const hook = await receiver();
    try {
      await a.services.mediation.outbox.createEndpoint('andere-verzekeraar', { url: hook.url, secret: 'a-secret-of-at-least-24-chars', createdById: 'test' });
      for (let i = 0; i < 20; i++) await b.services.cases.create(newCase(`hook-${i}`, 'andere-verzekeraar'));
      const workers = [a, b, a, b].map((inst) => new WebhookWorker(inst.services.mediation.outbox, quiet, { batchSize: 3 }));
      for (let round = 0; round < 8; round++) await Promise.all(workers.map((w) => w.runOnce()));
      expect(hook.ids).toHaveLength(20);
      expect(new Set(hook.ids).size).toBe(20);
    } finally {
      await hook.close();
    }
  });
});

describe.skipIf(!onPostgres)('the PostgreSQL activity notifier', () => {
  it('wakes a subscriber on another instance and never echoes an instance its own notice twice', async () => {
    const { databaseUrl, close } = await startInstances(0);
    const one = new PostgresNotifier(databaseUrl, quiet);
    const two = new PostgresNotifier(databaseUrl, quiet);
    try {
      await Promise.all([one.start(), two.start()]);
      let onTwo = 0;
      let onOne = 0;
      two.subscribe('conv-x', () => onTwo++);
      one.subscribe('conv-x', () => onOne++);
      one.notify('conv-x');
      const deadline = Date.now() + 2000;
      while (onTwo === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 100));
      expect(onTwo).toBe(1);
      expect(onOne).toBe(1);
    } finally {
      await Promise.all([one.close(), two.close()]);
      await close();
    }
  });
});

let counter = 0;
function newCase(tag: string, insurer = 'demo-verzekeraar'): NewCase {
  counter += 1;
  return {
    insurerTenantId: insurer, sourceTenantId: insurer, conversationId: `scaleout-${tag}-${process.pid}-${counter}`,
    idempotencyKey: `scaleout-${tag}-${process.pid}-${Date.now()}-${counter}`, locale: 'nl', channel: 'directline',
    request: contractRequest() as unknown as NewCase['request'], transcript: [],
  };
}

async function receiver() {
  const ids: string[] = [];
  const server: Server = createServer((req, res) => {
    ids.push(String(req.headers['x-wachtwijzer-delivery']));
    req.resume();
    req.on('end', () => res.writeHead(200).end('ok'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, ids, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
