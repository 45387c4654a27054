import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import XHR from 'xhr2';
import WS from 'ws';
import { startTestServer, type TestServer } from '../support/server.ts';
import { answerFor, keesFirstMessage } from '../support/patientAnswers.ts';

// Microsoft's client expects browser globals; in Node they come from xhr2 and ws.
Object.assign(globalThis, { XMLHttpRequest: XHR, WebSocket: WS });
const { DirectLine, ConnectionStatus } = await import('botframework-directlinejs');

type Act = {
  id?: string;
  type: string;
  name?: string;
  text?: string;
  from: { id: string };
  channelData?: { slot?: string; caseReference?: string };
  suggestedActions?: { actions: { value: unknown }[] };
};

async function tokenFor(server: TestServer, tenant = 'demo-verzekeraar', locale = 'nl') {
  const r = await fetch(`${server.url}/v3/directline/tokens/generate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://localhost:8080' },
    body: JSON.stringify({ tenant, locale }),
  });
  expect(r.status).toBe(200);
  return (await r.json()) as { conversationId: string; token: string; expires_in: number };
}

/** A patient using Microsoft's own Direct Line client against our endpoint. */
export function patient(server: TestServer, token: string, webSocket: boolean) {
  const dl = new DirectLine({ token, domain: `${server.url}/v3/directline`, webSocket, pollingInterval: 200 });
  const received: Act[] = [];
  const subscription = dl.activity$.subscribe((a) => received.push(a as Act));
  const userId = `patient-${Math.random().toString(36).slice(2, 8)}`;
  const botMessages = () => received.filter((a) => a.from.id !== userId && a.type === 'message');
  return {
    dl,
    received,
    botMessages,
    async waitFor(predicate: (msgs: Act[]) => boolean, ms = 8000): Promise<Act[]> {
      const start = Date.now();
      while (Date.now() - start < ms) {
        if (predicate(botMessages())) return botMessages();
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`timed out; bot said: ${botMessages().map((m) => m.text).join(' | ')}`);
    },
    async say(text: string): Promise<void> {
      await new Promise<void>((resolve, reject) =>
        dl.postActivity({ type: 'message', from: { id: userId }, text } as never).subscribe({ next: () => resolve(), error: reject }),
      );
    },
    end() {
      subscription.unsubscribe();
      dl.end();
    },
  };
}

describe("Direct Line with Microsoft's botframework-directlinejs client", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  for (const webSocket of [false, true]) {
    it(`goes from free text to a stored case that the mediator API returns with every field (${webSocket ? 'WebSocket stream' : 'polling'})`, async () => {
      const { token } = await tokenFor(server);
      const p = patient(server, token, webSocket);
      // The welcome is two short bubbles (issue 11).
      const welcome = await p.waitFor((m) => m.length >= 2);
      expect(welcome[0]?.text).toContain('Wachtwijzer');
      expect(welcome.some((m) => /privacy/i.test(m.text ?? ''))).toBe(true);

      await p.say(keesFirstMessage);
      let reference: string | undefined;
      for (let turn = 0; turn < 20 && !reference; turn++) {
        const seen = p.botMessages().length;
        const msgs = await p.waitFor((m) => m.length > seen && m.slice(seen).some((a) => a.channelData?.slot || a.channelData?.caseReference));
        const fresh = msgs.slice(seen);
        reference = fresh.find((a) => a.channelData?.caseReference)?.channelData?.caseReference;
        if (reference) break;
        const ask = [...fresh].reverse().find((a) => a.channelData?.slot)!;
        await p.say(answerFor(ask.channelData!.slot!, ask.suggestedActions?.actions ?? []));
      }
      expect(reference).toMatch(/^ZB-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      // The hand-off is announced in the Bot Framework vocabulary too.
      await p.waitFor(() => p.received.some((a) => a.type === 'event' && a.name === 'handoff.initiate'));
      p.end();

      const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'mediator@demo-verzekeraar.test', password: 'demo' }) });
      expect(login.status).toBe(200);
      const cookie = (login.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
      const read = await fetch(`${server.url}/api/cases/${reference}`, { headers: { cookie } });
      expect(read.status).toBe(200);
      const c = (await read.json()) as Record<string, unknown>;
      expect(c).toMatchObject({
        reference, status: 'new', insurer: 'demo-verzekeraar', locale: 'nl', channel: 'directline',
        request: {
          specialty: '0301', hospital: 'Isala', waitingWeeks: 20, treeknormExceeded: true, postcode: '8011AB', maxTravelKm: 60, contactPreference: 'phone',
          patient: { fullName: 'Kees van Dijk', dateOfBirth: '1950-06-30', policyNumber: '99887766', email: null },
          consent: { given: true },
        },
      });
      expect(typeof c.priority).toBe('number');
      expect(Object.keys(c.request as object)).toEqual(expect.arrayContaining(['specialty', 'treatment', 'hospital', 'waitingWeeks', 'treeknormWeeks', 'treeknormExceeded', 'postcode', 'maxTravelKm', 'contactPreference', 'patient', 'consent']));
    });
  }

  it('resumes the same conversation with the same token after a page reload, without a second welcome', async () => {
    const { token } = await tokenFor(server);
    const first = patient(server, token, false);
    await first.waitFor((m) => m.length >= 2);
    await first.say(keesFirstMessage);
    await first.waitFor((m) => m.some((a) => a.channelData?.slot === 'consent'));
    first.end();

    const again = patient(server, token, false);
    const history = await again.waitFor((m) => m.some((a) => a.channelData?.slot === 'consent'));
    expect(history.filter((a) => /^Hallo! Ik ben Wachtwijzer/.test(a.text ?? ''))).toHaveLength(1);
    expect(new Set(again.received.map((a) => a.id)).size).toBe(again.received.length);
    again.end();
  });

  it('resumes from a watermark over the WebSocket stream without duplicates (conversationId + token + watermark, as Web Chat does after a reload)', async () => {
    const { token, conversationId } = await tokenFor(server);
    const first = patient(server, token, true);
    await first.waitFor((m) => m.length >= 2);
    await first.say(keesFirstMessage);
    await first.waitFor((m) => m.some((a) => a.channelData?.slot));
    first.end();
    const page = await fetch(`${server.url}/v3/directline/conversations/${conversationId}/activities`, { headers: { authorization: `Bearer ${token}` } });
    const all = ((await page.json()) as { activities: Act[] }).activities;
    const watermark = 2;
    const expected = all.slice(watermark).map((a) => a.id);
    expect(expected.length).toBeGreaterThan(1);

    const resumed = new DirectLine({ token, conversationId, watermark: String(watermark), domain: `${server.url}/v3/directline`, webSocket: true });
    const seen: Act[] = [];
    const sub = resumed.activity$.subscribe((a) => seen.push(a as Act));
    const until = Date.now() + 8000;
    while (seen.length < expected.length && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 500)); // anything extra (a replay) would arrive now
    sub.unsubscribe();
    resumed.end();
    expect(seen.map((a) => a.id)).toEqual(expected);
  });

  it('reports the connection online', async () => {
    const { token } = await tokenFor(server);
    const p = patient(server, token, false);
    const statuses: number[] = [];
    const sub = p.dl.connectionStatus$.subscribe((s) => statuses.push(s));
    await p.waitFor((m) => m.length >= 1);
    expect(statuses).toContain(ConnectionStatus.Online);
    sub.unsubscribe();
    p.end();
  });
});
