import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { serviceUrlProblem } from '../../bot/channels/serviceUrl.ts';
import { jsonDepth } from '../../bot/jsonBody.ts';

type Received = { body: { type: string; name?: string; text?: string; value?: unknown; channelData?: { slot?: string; caseReference?: string } } };

/** Stands in for a channel's serviceUrl (as the Bot Framework Emulator does, on loopback). */
async function startReceiver(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const app = express();
  app.use(express.json({ limit: '1mb' }));
  app.post(/.*/, (req, res) => {
    received.push({ body: req.body });
    res.json({ id: `reply-${received.length}` });
  });
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, server };
}

const answers: Record<string, string> = {
  consent: 'Yes, I consent', fullName: 'Anna de Boer', dateOfBirth: '2 April 1961', policyNumber: 'AB123456', contactPreference: 'E-mail',
  email: 'anna@example.com', postcode: '3011AB', hospital: 'Erasmus MC', waitingWeeks: '14 weeks', maxTravelKm: '40 km', confirm: 'Yes, send it',
  insurer: 'Andere Verzekeraar', phone: '0612345678', specialty: 'orthopedics',
};

describe('/api/messages takes its tenant and conversations from configuration, never from the activity', () => {
  let bot: TestServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let n = 0;
  const send = (activity: Record<string, unknown>) =>
    fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channelId: 'emulator', serviceUrl: receiver.url, from: { id: 'u1', name: 'Patient' }, recipient: { id: 'bot' }, id: `act-${++n}`, locale: 'en-US', ...activity }),
    });

  beforeAll(async () => {
    bot = await startTestServer({ BOT_TENANT: 'demo-verzekeraar' });
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await bot.close();
    await new Promise((r) => receiver.server.close(r));
  });

  it('puts the hand-off in the BOT_TENANT queue even when channelData claims another insurer (defect 2)', async () => {
    const conversation = { id: `claim-${Date.now()}` };
    const claim = { wachtwijzerTenant: 'andere-verzekeraar' };
    receiver.received.length = 0;
    await send({ type: 'message', conversation, channelData: claim, text: 'Can my health insurer mediate for me? I need a new hip.' });
    for (let i = 0; i < 20 && !receiver.received.some((x) => x.body.channelData?.caseReference); i++) {
      const slot = receiver.received.filter((x) => x.body.type === 'message').at(-1)?.body.channelData?.slot;
      expect(slot, JSON.stringify(receiver.received.at(-1)?.body.text)).toBeTruthy();
      expect(answers[slot!], `no answer for ${slot}`).toBeDefined();
      await send({ type: 'message', conversation, channelData: claim, text: answers[slot!]! });
    }
    const reference = receiver.received.find((x) => x.body.channelData?.caseReference)!.body.channelData!.caseReference!;
    expect(await bot.services.cases.findForInsurer(reference, 'demo-verzekeraar')).not.toBeNull();
    expect(await bot.services.cases.findForInsurer(reference, 'andere-verzekeraar')).toBeNull();
  });

  it('cannot reach a Direct Line conversation by naming its id (defect 3)', async () => {
    const json = { 'content-type': 'application/json' };
    const gen = (await (await fetch(`${bot.url}/v3/directline/tokens/generate`, { method: 'POST', headers: { ...json, origin: 'http://localhost:3000' }, body: '{"tenant":"demo-verzekeraar"}' })).json()) as { token: string; conversationId: string };
    const auth = { ...json, authorization: `Bearer ${gen.token}` };
    await fetch(`${bot.url}/v3/directline/conversations`, { method: 'POST', headers: auth, body: '{"user":{"id":"p1"}}' });
    await fetch(`${bot.url}/v3/directline/conversations/${gen.conversationId}/activities`, { method: 'POST', headers: auth, body: JSON.stringify({ type: 'message', text: 'Can my health insurer mediate for me?', from: { id: 'p1' } }) });
    const stateOf = async () => (await bot.services.db.stateItem.findMany({ where: { key: { contains: gen.conversationId } }, orderBy: { key: 'asc' } })).map((r) => [r.key, r.data]);
    const before = await stateOf();
    expect(before.length).toBeGreaterThan(0);

    receiver.received.length = 0;
    const r = await send({ type: 'message', channelId: 'directline', conversation: { id: gen.conversationId }, from: { id: 'p1' }, recipient: { id: 'wachtwijzer' }, text: 'Yes, I consent' });
    expect(r.status).toBeLessThan(300);
    // The Direct Line patient's conversation did not move on; the caller got a conversation of its own.
    expect((await stateOf()).filter(([key]) => !String(key).includes('bf:'))).toEqual(before);
    expect(receiver.received.some((x) => x.body.channelData?.slot === 'fullName')).toBe(false);
  });
});

describe('/api/messages answers malformed activities with a 400 that says what is wrong (defect 4)', () => {
  let bot: TestServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    bot = await startTestServer();
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await bot.close();
    await new Promise((r) => receiver.server.close(r));
  });
  const valid = () => ({ type: 'message', text: 'hallo', channelId: 'emulator', serviceUrl: receiver.url, conversation: { id: `c-${Math.random()}` }, from: { id: 'u' }, recipient: { id: 'b' } });
  const post = (body: unknown) => fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  it.each([
    ['"from" is a number', { from: 1 }, /from/],
    ['"recipient" is a string', { recipient: 'x' }, /recipient/],
    ['"membersAdded" is a string', { type: 'conversationUpdate', membersAdded: 'x' }, /membersAdded/],
    ['no recipient', { recipient: undefined }, /recipient/],
    ['serviceUrl javascript:alert(1)', { serviceUrl: 'javascript:alert(1)' }, /serviceUrl/],
    ['serviceUrl off this machine while authentication is off', { serviceUrl: 'https://attacker.example/' }, /serviceUrl/],
    ['text that is not a string', { text: { a: 1 } }, /text/],
  ])('%s', async (_name, change, message) => {
    const r = await post({ ...valid(), ...change });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(message);
  });

  it('an activity nested 5,000 levels deep', async () => {
    const deep = `{"type":"message","value":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const r = await post(deep);
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(/deeper than 32/);
  });

  it('a serviceUrl nobody answers on is a 400, not a 5xx', async () => {
    const r = await post({ ...valid(), serviceUrl: 'http://127.0.0.1:9/' });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('service_url_unreachable');
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });

  it('an invoke gets a Bot Framework "not supported" invoke response, not a 501', async () => {
    const r = await post({ ...valid(), type: 'invoke', name: 'composeExtension/query', value: {} });
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'NotSupported' } });
  });

  it("Azure's health-check invoke succeeds", async () => {
    const r = await post({ ...valid(), type: 'invoke', name: 'healthCheck' });
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ healthResults: { success: true } });
  });

  it('a well-formed activity still gets its reply', async () => {
    receiver.received.length = 0;
    const r = await post({ ...valid(), type: 'conversationUpdate', membersAdded: [{ id: 'b' }, { id: 'u' }] });
    expect(r.status).toBeLessThan(300);
    expect(receiver.received.length).toBeGreaterThan(0);
  });
});

describe('serviceUrl policy', () => {
  const hosts = { kind: 'hosts', hosts: ['botframework.com', 'smba.trafficmanager.net'] } as const;
  it('with authentication on: https Bot Framework hosts only', () => {
    expect(serviceUrlProblem('https://smba.trafficmanager.net/emea/', hosts)).toBeNull();
    expect(serviceUrlProblem('https://directline.botframework.com/', hosts)).toBeNull();
    expect(serviceUrlProblem('http://directline.botframework.com/', hosts)).toMatch(/https/);
    expect(serviceUrlProblem('https://botframework.com.attacker.example/', hosts)).toMatch(/not a Bot Framework/);
    expect(serviceUrlProblem('https://user:pw@smba.trafficmanager.net/', hosts)).toMatch(/credentials/);
  });
  it('with authentication off: this machine only', () => {
    const loopback = { kind: 'loopback' } as const;
    expect(serviceUrlProblem('http://localhost:53000/', loopback)).toBeNull();
    expect(serviceUrlProblem('http://127.0.0.1:53000/', loopback)).toBeNull();
    expect(serviceUrlProblem('http://[::1]:53000/', loopback)).toBeNull();
    expect(serviceUrlProblem('http://[::ffff:127.0.0.1]/', loopback)).toBeNull();
    expect(serviceUrlProblem('http://10.0.0.1/', loopback)).not.toBeNull();
    expect(serviceUrlProblem('file:///etc/passwd', loopback)).toMatch(/http/);
  });
});

describe('JSON depth', () => {
  it('counts nesting outside strings only', () => {
    expect(jsonDepth(Buffer.from('{"a":[1,{"b":"[[[[{{{{"}]}'))).toBe(3);
    expect(jsonDepth(Buffer.from('"\\"[[["'))).toBe(0);
    expect(jsonDepth(Buffer.from('['.repeat(100)), 32)).toBe(33);
  });
});
