import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from '../support/server.ts';
import { onPostgres } from '../support/db.ts';
import { demoDirectLineSecret } from '../../prisma/demoData.ts';

const json = { 'content-type': 'application/json' };
type Act = { id: string; type: string; text?: string; from: { id: string; role?: string }; recipient?: { id: string }; suggestedActions?: { to?: string[]; actions: unknown[] } };

describe("Direct Line as Microsoft's clients speak it", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => s.close());

  const dl = (path: string) => `${s.url}/v3/directline/${path}`;
  const auth = (token: string) => ({ ...json, authorization: `Bearer ${token}` });
  const activities = async (conversationId: string, token: string, watermark = '') => {
    const r = await fetch(dl(`conversations/${conversationId}/activities?watermark=${watermark}`), { headers: auth(token) });
    return (await r.json()) as { activities: Act[]; watermark: string };
  };
  const botSaid = async (conversationId: string, token: string, n: number, ms = 8000): Promise<Act[]> => {
    const until = Date.now() + ms;
    for (;;) {
      const bot = (await activities(conversationId, token)).activities.filter((a) => a.from.role === 'bot' && a.type === 'message');
      if (bot.length >= n || Date.now() > until) return bot;
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  /** A browser page's conversation, started like the widget and Web Chat do. */
  const browserConversation = async (user?: string) => {
    const g = await fetch(dl('tokens/generate'), { method: 'POST', headers: { ...json, origin: 'http://localhost:5173' }, body: JSON.stringify({ tenant: 'demo-verzekeraar', ...(user ? { user: { id: user } } : {}) }) });
    expect(g.status).toBe(200);
    const t = (await g.json()) as { conversationId: string; token: string };
    const c = await fetch(dl('conversations'), { method: 'POST', headers: auth(t.token), body: '{"user":{}}' });
    expect(c.status).toBe(201);
    return t;
  };

  describe('CORS', () => {
    it("grants the headers botframework-directlinejs and Web Chat send in a preflight (X-Requested-With, x-ms-bot-agent, any x-ms-*)", async () => {
      const r = await fetch(dl('conversations'), {
        method: 'OPTIONS',
        headers: { origin: 'https://www.insurer.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,x-requested-with,x-ms-bot-agent,x-ms-client-future' },
      });
      expect(r.status).toBe(204);
      expect(r.headers.get('access-control-allow-origin')).toBe('https://www.insurer.example');
      const allowed = (r.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/\s*,\s*/);
      expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type', 'x-requested-with', 'x-ms-bot-agent', 'x-ms-client-future']));
      expect(r.headers.get('access-control-expose-headers')).toMatch(/X-Request-Id/);
    });

    it('does not grant arbitrary other headers', async () => {
      const r = await fetch(dl('conversations'), { method: 'OPTIONS', headers: { origin: 'https://www.insurer.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-evil' } });
      expect((r.headers.get('access-control-allow-headers') ?? '').toLowerCase()).not.toContain('x-evil');
    });

    it('still lets the origin allow-list decide tokens/generate from browsers', async () => {
      const r = await fetch(dl('tokens/generate'), { method: 'POST', headers: { ...json, origin: 'https://www.insurer.example' }, body: '{"tenant":"demo-verzekeraar"}' });
      expect(r.status).toBe(403);
    });
  });

  describe("tokens/generate and POST /conversations take Direct Line's own bodies", () => {
    it('with the secret, the tenant comes from the secret and user.id (dl_…) is bound to the conversation', async () => {
      const r = await fetch(dl('tokens/generate'), { method: 'POST', headers: auth(demoDirectLineSecret('demo-verzekeraar')), body: '{"user":{"id":"dl_kees"}}' });
      expect(r.status).toBe(200);
      const t = (await r.json()) as { conversationId: string; token: string };
      const c = await fetch(dl('conversations'), { method: 'POST', headers: auth(t.token) });
      expect(c.status).toBe(201);
      const welcome = await botSaid(t.conversationId, t.token, 2);
      // Replies go to the user the client named; suggested actions are never addressed to an id it does not know.
      for (const a of welcome) expect(a.recipient?.id).toBe('dl_kees');
      for (const a of welcome.filter((x) => x.suggestedActions)) expect(a.suggestedActions?.to ?? []).toEqual([]);
      const ok = await fetch(dl(`conversations/${t.conversationId}/activities`), { method: 'POST', headers: auth(t.token), body: '{"type":"message","text":"hallo","from":{"id":"dl_kees"}}' });
      expect(ok.status).toBe(200);
      const other = await fetch(dl(`conversations/${t.conversationId}/activities`), { method: 'POST', headers: auth(t.token), body: '{"type":"message","text":"ik ben iemand anders","from":{"id":"dl_mallory"}}' });
      expect(other.status).toBe(403);
      expect(((await other.json()) as { error: { message: string } }).error.message).toMatch(/another user id/);
      const said = (await activities(t.conversationId, t.token)).activities.map((a) => a.text);
      expect(said).not.toContain('ik ben iemand anders');
    });

    it("a token for a bound user id names it where Web Chat and directlinejs read it (the JWT-shaped middle part's user), and keeps naming it after a refresh", async () => {
      // What jwt-decode, used by both of Microsoft's clients, does with a token: JSON of its second dot-separated part.
      const userInToken = (token: string) => {
        try {
          return (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { user?: string }).user;
        } catch {
          return undefined;
        }
      };
      const bound = await browserConversation('dl_lotte');
      expect(userInToken(bound.token)).toBe('dl_lotte');
      const refreshed = await fetch(dl('tokens/refresh'), { method: 'POST', headers: auth(bound.token) });
      expect(refreshed.status).toBe(200);
      const next = (await refreshed.json()) as { token: string };
      expect(next.token).not.toBe(bound.token);
      expect(userInToken(next.token)).toBe('dl_lotte');
      const viaSecret = await fetch(dl('conversations'), { method: 'POST', headers: auth(demoDirectLineSecret('demo-verzekeraar')), body: '{"user":{"id":"dl_joop"}}' });
      expect(userInToken(((await viaSecret.json()) as { token: string }).token)).toBe('dl_joop');
      // Without a user id the token names none (Web Chat then makes its own).
      expect(userInToken((await browserConversation()).token)).toBeUndefined();
      // The readable part grants nothing: the same part with another user and a made-up rest is refused.
      const forged = `dlt.${Buffer.from('{"user":"dl_lotte"}').toString('base64url')}.forged`;
      const r = await fetch(dl(`conversations/${bound.conversationId}/activities`), { headers: auth(forged) });
      expect(r.status).toBe(403);
    });

    it("refuses a user.id without Direct Line's dl_ prefix, and a secret for another tenant than the one named", async () => {
      const bad = await fetch(dl('tokens/generate'), { method: 'POST', headers: auth(demoDirectLineSecret('demo-verzekeraar')), body: '{"user":{"id":"kees"}}' });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/dl_/);
      const wrong = await fetch(dl('tokens/generate'), { method: 'POST', headers: auth(demoDirectLineSecret('demo-verzekeraar')), body: '{"tenant":"andere-verzekeraar"}' });
      expect(wrong.status).toBe(403);
    });

    it('POST /conversations with the secret opens a conversation for the user.id it names', async () => {
      const c = await fetch(dl('conversations'), { method: 'POST', headers: auth(demoDirectLineSecret('demo-verzekeraar')), body: '{"user":{"id":"dl_anna"}}' });
      expect(c.status).toBe(201);
      const t = (await c.json()) as { conversationId: string; token: string };
      const other = await fetch(dl(`conversations/${t.conversationId}/activities`), { method: 'POST', headers: auth(t.token), body: '{"type":"message","text":"hoi","from":{"id":"dl_bob"}}' });
      expect(other.status).toBe(403);
    });

    it('without a bound user the first id that writes owns the conversation; the welcome targets no made-up id', async () => {
      const t = await browserConversation();
      const welcome = await botSaid(t.conversationId, t.token, 2);
      for (const a of welcome) expect(a.recipient?.id ?? 'user').not.toMatch(/^dl_[0-9a-f]{12}$/);
      const first = await fetch(dl(`conversations/${t.conversationId}/activities`), { method: 'POST', headers: auth(t.token), body: '{"type":"message","text":"hallo","from":{"id":"r_webchat1"}}' });
      expect(first.status).toBe(200);
      const second = await fetch(dl(`conversations/${t.conversationId}/activities`), { method: 'POST', headers: auth(t.token), body: '{"type":"message","text":"hallo","from":{"id":"r_webchat2"}}' });
      expect(second.status).toBe(403);
    });
  });

  describe('the stream', () => {
    const frames = (url: string) => {
      const ws = new WebSocket(url);
      const got: { activities: Act[]; watermark: string }[] = [];
      ws.on('message', (d) => {
        const text = d.toString();
        if (text) got.push(JSON.parse(text));
      });
      return { ws, got, opened: new Promise<void>((resolve, reject) => (ws.on('open', () => resolve()), ws.on('error', reject))) };
    };

    it('GET /conversations/{id}?watermark= answers a streamUrl that resumes after that watermark', async () => {
      const t = await browserConversation('dl_resume');
      const all = await botSaid(t.conversationId, t.token, 2);
      expect(all.length).toBeGreaterThanOrEqual(2);
      const r = await fetch(dl(`conversations/${t.conversationId}?watermark=1`), { headers: auth(t.token) });
      expect(r.status).toBe(200);
      const { streamUrl } = (await r.json()) as { streamUrl: string };
      expect(new URL(streamUrl).searchParams.get('watermark')).toBe('1');
      const f = frames(streamUrl);
      await f.opened;
      await new Promise((r) => setTimeout(r, 400));
      f.ws.close();
      const streamed = f.got.flatMap((x) => x.activities.map((a) => a.id));
      const expected = (await activities(t.conversationId, t.token, '1')).activities.map((a) => a.id);
      expect(streamed).toEqual(expected);
      expect(streamed).not.toContain(`${t.conversationId}|0000001`);
    });

    it('a malformed ?watermark= on GET /conversations/{id} is 400', async () => {
      const t = await browserConversation();
      const r = await fetch(dl(`conversations/${t.conversationId}?watermark=abc`), { headers: auth(t.token) });
      expect(r.status).toBe(400);
    });

    it('keeps one socket per conversation: a newer one closes the older with reason "collision"', async () => {
      const t = await browserConversation('dl_twotabs');
      const r = await fetch(dl(`conversations/${t.conversationId}`), { headers: auth(t.token) });
      const { streamUrl } = (await r.json()) as { streamUrl: string };
      const older = frames(streamUrl);
      await older.opened;
      const closed = new Promise<{ code: number; reason: string }>((resolve) => older.ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
      const newer = frames(streamUrl);
      await newer.opened;
      expect(await closed).toEqual({ code: 4000, reason: 'collision' });
      expect(newer.ws.readyState).toBe(WebSocket.OPEN);
      newer.ws.close();
    });

    // On PostgreSQL other instances' activities arrive by LISTEN/NOTIFY and the poll is only a slow
    // safety net, so this poll-speed check is for the in-process notifier (SQLite) only.
    it.skipIf(onPostgres)('an activity written by another instance (straight into the database, no in-process notice) reaches the socket by the poll', async () => {
      const t = await browserConversation('dl_elsewhere');
      await botSaid(t.conversationId, t.token, 2);
      const start = await activities(t.conversationId, t.token);
      const r = await fetch(dl(`conversations/${t.conversationId}?watermark=${start.watermark}`), { headers: auth(t.token) });
      const f = frames(((await r.json()) as { streamUrl: string }).streamUrl);
      await f.opened;
      await s.services.directLineStore.append(t.conversationId, 'bot', [{ type: 'message', text: 'from another instance', from: { id: 'wachtwijzer', role: 'bot' } } as never]);
      const until = Date.now() + 5000;
      while (!f.got.length && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      f.ws.close();
      expect(f.got.flatMap((x) => x.activities.map((a) => a.text))).toEqual(['from another instance']);
    });
  });

  describe('files', () => {
    it('upload is a 415 and the assistant says in the chat, in the patient language, that it cannot receive files', async () => {
      for (const [locale, words] of [['nl', /bestanden/], ['en', /cannot receive files/]] as const) {
        const g = await fetch(dl('tokens/generate'), { method: 'POST', headers: { ...json, origin: 'http://localhost:5173' }, body: JSON.stringify({ tenant: 'demo-verzekeraar', locale, user: { id: 'dl_file' } }) });
        const t = (await g.json()) as { conversationId: string; token: string };
        await fetch(dl('conversations'), { method: 'POST', headers: auth(t.token), body: '{}' });
        const before = (await botSaid(t.conversationId, t.token, 2)).length;
        const form = new FormData();
        form.append('file', new Blob(['%PDF-1.4'], { type: 'application/pdf' }), 'verwijsbrief.pdf');
        const up = await fetch(dl(`conversations/${t.conversationId}/upload?userId=dl_file`), { method: 'POST', headers: { authorization: `Bearer ${t.token}` }, body: form });
        expect(up.status).toBe(415);
        expect(((await up.json()) as { error: { message: string } }).error.message).toMatch(/cannot receive files/);
        const after = await botSaid(t.conversationId, t.token, before + 1);
        expect(after.at(-1)?.text).toMatch(words);
      }
    });

    it('an activity with attachments is a 415, nothing of it is stored, and the assistant says why', async () => {
      const t = await browserConversation('dl_attach');
      const before = (await botSaid(t.conversationId, t.token, 2)).length;
      const r = await fetch(dl(`conversations/${t.conversationId}/activities`), {
        method: 'POST',
        headers: auth(t.token),
        body: JSON.stringify({ type: 'message', from: { id: 'dl_attach' }, attachments: [{ contentType: 'image/png', contentUrl: 'data:image/png;base64,AAAA' }] }),
      });
      expect(r.status).toBe(415);
      const after = await botSaid(t.conversationId, t.token, before + 1);
      expect(after.at(-1)?.text).toMatch(/bestanden/);
      const stored = (await activities(t.conversationId, t.token)).activities;
      expect(stored.some((a) => 'attachments' in a && a.from.role === 'user')).toBe(false);
    });
  });

  it("opens the welcome with the tenant's own greeting in the patient's language, the rest from locales/", async () => {
    for (const [locale, greeting] of [['nl', 'Welkom bij Demo Ziekenhuis (demo).'], ['en', 'Welcome to Demo Ziekenhuis (demo).']] as const) {
      const g = await fetch(dl('tokens/generate'), { method: 'POST', headers: { ...json, origin: 'http://localhost:5173' }, body: JSON.stringify({ tenant: 'demo-ziekenhuis', locale }) });
      const t = (await g.json()) as { conversationId: string; token: string };
      await fetch(dl('conversations'), { method: 'POST', headers: auth(t.token), body: '{}' });
      const welcome = await botSaid(t.conversationId, t.token, 2);
      expect(welcome[0]?.text).toContain(greeting);
      expect(welcome.some((a) => /112/.test(a.text ?? ''))).toBe(true);
    }
  });

  it("makes the assistant's own links absolute, from the request origin", async () => {
    const t = await browserConversation();
    const welcome = await botSaid(t.conversationId, t.token, 2);
    const text = welcome.map((a) => a.text).join('\n');
    expect(text).toContain(`(${s.url}/privacy)`);
    expect(text).not.toMatch(/\]\(\//);
  });
});
