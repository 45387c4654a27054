// The insurer's system hears of a withdrawal: a patient who withdraws their request in the chat
// causes a signed `case.withdrawn` delivery (change "withdrawn", the next sequence number, no
// patient data), after the `case.created` of the same case, and the documented shape holds.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { client, demo, login } from './helpers.ts';
import { Conversation } from '../conversation/harness.ts';
import { tenantView } from '../../bot/data/tenantView.ts';
import { WebhookWorker } from '../../bot/mediation/webhookWorker.ts';
import { verifyWebhook } from '../../bot/mediation/webhookSignature.ts';
import { webhookEventPayload } from '../../bot/mediation/schemas.ts';
import { createLogger } from '../../bot/logger.ts';

const intake: Record<string, string> = {
  consent: 'ja', fullName: 'Kees van Dijk', dateOfBirth: '30-06-1950', policyNumber: '99887766', contactPreference: 'telefoon', phone: '0687654321',
  postcode: '8011 AB', hospital: 'Isala', specialty: 'oogheelkunde', waitingWeeks: '20 weken', maxTravelKm: '60 km',
};

describe('the case.withdrawn webhook', () => {
  let s: TestServer;
  const got: { headers: IncomingMessage['headers']; body: string }[] = [];
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      res.end('ok');
    });
  });
  beforeAll(async () => {
    s = await startTestServer();
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  });
  afterAll(async () => {
    await new Promise<void>((r) => receiver.close(() => r()));
    await s.close();
  });

  it('a withdrawal in the chat reaches the insurer\'s endpoint as a signed case.withdrawn, after case.created, without patient data', async () => {
    const admin = await login(s.url, demo.admin);
    const hook = await client(s.url, admin).post('/api/webhooks', { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks` });
    expect(hook.status).toBe(201);
    const secret = String(hook.body.secret);

    // The patient files a request in the chat, then withdraws it there.
    const harness = { services: s.services, tenant: async (id: string) => tenantView((await s.services.tenants.find(id))!), close: async () => undefined };
    const c = new Conversation(harness as never, 'demo-verzekeraar', 'nl');
    await c.start();
    await c.say('Ik wacht al 20 weken op mijn staaroperatie in de Isala. Kan mijn zorgverzekeraar bemiddelen?');
    for (let i = 0; i < 25 && c.lastSlot !== 'confirm'; i++) await c.say(intake[c.lastSlot ?? ''] ?? 'ja');
    await c.say('Ja, versturen');
    const reference = c.caseReference!;
    expect(reference).toMatch(/^ZB-/);
    await c.say('Ik wil mijn aanvraag intrekken');
    await c.say('Ja, intrekken');
    expect(c.replies.map((r) => r.text).join(' ')).toMatch(/is ingetrokken/);

    expect(await new WebhookWorker(s.services.mediation.outbox, createLogger('silent')).runOnce()).toBe(2);
    const events = got.map((g) => ({ ...g, event: JSON.parse(g.body) as { type: string; change?: string; sequence: number; case: { reference: string; status: string } } }));
    expect(events.map((e) => [e.event.type, e.event.change ?? null, e.event.case.status, e.event.sequence])).toEqual([
      ['case.created', null, 'new', 1],
      ['case.withdrawn', 'withdrawn', 'withdrawn', 2],
    ]);
    const withdrawn = events[1]!;
    expect(withdrawn.headers['x-wachtwijzer-event']).toBe('case.withdrawn');
    expect(withdrawn.event.case.reference).toBe(reference);
    expect(verifyWebhook(secret, { signature: String(withdrawn.headers['x-wachtwijzer-signature']), timestamp: String(withdrawn.headers['x-wachtwijzer-timestamp']) }, withdrawn.body)).toBe(true);
    // The shape the OpenAPI document gives the deliveries; no patient data travels.
    for (const e of events) expect(webhookEventPayload.safeParse(e.event).error).toBeUndefined();
    expect(withdrawn.body).not.toMatch(/Kees|1950|99887766|0687654321/);
    // The receiver reads the case with the API: withdrawn, the patient's data gone.
    const mediator = await login(s.url, demo.mediator);
    const read = await client(s.url, mediator).get(`/api/cases/${reference}`);
    expect(read.body.status).toBe('withdrawn');
    expect(JSON.stringify(read.body.request)).not.toContain('Kees van Dijk');
  });
});
