import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

type Received = { path: string; body: { type: string; text?: string; channelData?: { slot?: string; caseReference?: string }; replyToId?: string } };

/** Stands in for the channel's serviceUrl, the way the Bot Framework Emulator does. */
async function startReceiver(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const app = express();
  app.use(express.json());
  app.post('/v3/conversations/:conversation/activities/:replyTo', (req, res) => {
    received.push({ path: req.path, body: req.body });
    res.json({ id: `reply-${received.length}` });
  });
  app.post('/v3/conversations/:conversation/activities', (req, res) => {
    received.push({ path: req.path, body: req.body });
    res.json({ id: `reply-${received.length}` });
  });
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, server };
}

describe('POST /api/messages, as the Bot Framework Emulator speaks it (authentication off)', () => {
  let bot: TestServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const conversation = { id: `emulator-${Date.now()}` };
  const user = { id: 'emulator-user', name: 'Patient' };
  const botAccount = { id: 'bot', name: 'Wachtwijzer' };
  let n = 0;
  const send = (activity: Record<string, unknown>) =>
    fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channelId: 'emulator', serviceUrl: receiver.url, conversation, from: user, recipient: botAccount, id: `act-${++n}`, timestamp: new Date().toISOString(), locale: 'en-US', ...activity }),
    });

  beforeAll(async () => {
    bot = await startTestServer();
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await bot.close();
    await new Promise((r) => receiver.server.close(r));
  });

  it('welcomes on conversationUpdate in the activity locale, replying to the serviceUrl', async () => {
    const r = await send({ type: 'conversationUpdate', membersAdded: [botAccount, user] });
    expect(r.status).toBeLessThan(300);
    const texts = receiver.received.map((x) => x.body.text ?? '');
    expect(texts[0]).toMatch(/^Hello! I am Wachtwijzer/);
    expect(receiver.received[0]?.path).toBe(`/v3/conversations/${conversation.id}/activities/act-1`);
  });

  it('keeps state between turns and reaches a stored case', async () => {
    receiver.received.length = 0;
    await send({ type: 'message', text: 'Can my health insurer mediate for me? I need a new hip.' });
    expect(receiver.received.find((x) => x.body.channelData?.slot === 'consent')).toBeDefined();
    const answers: Record<string, string> = {
      consent: 'Yes, I consent', fullName: 'Anna de Boer', dateOfBirth: '2 April 1961', policyNumber: 'AB123456', contactPreference: 'E-mail',
      email: 'anna@example.com', postcode: '3011AB', hospital: 'Erasmus MC', waitingWeeks: '14 weeks', maxTravelKm: '40 km', confirm: 'Yes, send it',
    };
    for (let i = 0; i < 15 && !receiver.received.some((x) => x.body.channelData?.caseReference); i++) {
      const slot = receiver.received.at(-1)?.body.channelData?.slot;
      expect(slot, JSON.stringify(receiver.received.at(-1)?.body.text)).toBeTruthy();
      await send({ type: 'message', text: answers[slot!]! });
    }
    const confirm = receiver.received.find((x) => x.body.channelData?.caseReference);
    expect(confirm?.body.text).toContain(confirm?.body.channelData?.caseReference);
    const stored = await bot.services.cases.findForInsurer(confirm!.body.channelData!.caseReference!, 'demo-verzekeraar');
    expect(stored?.locale).toBe('en');
    expect(stored?.channel).toBe('emulator');
  });

  it('answers a malformed body with a 400 that says what is wrong', async () => {
    const r = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message' }) });
    expect(r.status).toBe(400);
    const body = (await r.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/serviceUrl/);
  });
});

describe('POST /api/messages with Bot Framework authentication on', () => {
  let bot: TestServer;
  beforeAll(async () => {
    bot = await startTestServer({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'x' });
  });
  afterAll(async () => bot.close());

  it('refuses an activity without a bearer token (401)', async () => {
    const r = await fetch(`${bot.url}/api/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'hi', channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9/', conversation: { id: 'c' }, from: { id: 'u' }, recipient: { id: 'b' } }),
    });
    expect(r.status).toBe(401);
  });

  it('refuses a forged bearer token (401)', async () => {
    const r = await fetch(`${bot.url}/api/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJ4In0.c2lnbmF0dXJl' },
      body: JSON.stringify({ type: 'message', text: 'hi', channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9/', conversation: { id: 'c' }, from: { id: 'u' }, recipient: { id: 'b' } }),
    });
    expect(r.status).toBe(401);
  });
});
