import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DirectLine, HttpError, backoff, type DlActivity, type Session, type SocketLike, type Status, type TransportDeps } from '../../web-widget/src/transport.ts';

/** A Direct Line server in memory: answers the widget's calls and records them. */
class FakeServer {
  calls: { method: string; path: string; auth?: string; body?: unknown }[] = [];
  activities: DlActivity[] = [];
  token = 'tok1';
  expiresIn = 60;
  refuse: number | null = null;
  down = false;
  fetch = async (url: string, init: RequestInit): Promise<Response> => {
    const u = new URL(url);
    const path = u.pathname.replace('/v3/directline/', '') + u.search;
    const auth = (init.headers as Record<string, string>).Authorization;
    this.calls.push({ method: init.method ?? 'GET', path, auth, body: init.body ? JSON.parse(String(init.body)) : undefined });
    if (this.down) throw new TypeError('Failed to fetch');
    if (this.refuse) return new Response('{}', { status: this.refuse });
    const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });
    if (path === 'tokens/generate') return json({ conversationId: 'conv1', token: this.token, expires_in: this.expiresIn });
    if (path === 'tokens/refresh') {
      this.token = `tok${Number(this.token.slice(3)) + 1}`;
      return json({ conversationId: 'conv1', token: this.token, expires_in: this.expiresIn });
    }
    if (path === 'conversations') return json({ conversationId: 'conv1', token: this.token, expires_in: this.expiresIn, streamUrl: 'ws://x/stream?t=a' });
    if (path === 'conversations/conv1') return json({ conversationId: 'conv1', token: this.token, expires_in: this.expiresIn, streamUrl: `ws://x/stream?t=${this.token}` });
    const m = /^conversations\/conv1\/activities\?watermark=(\d*)$/.exec(path);
    if (m) {
      const from = Number(m[1] || 0);
      return json({ activities: this.activities.slice(from), watermark: String(this.activities.length) });
    }
    if (path === 'conversations/conv1/activities') return json({ id: 'conv1|x' });
    return new Response('{}', { status: 404 });
  };
}

class FakeSocket implements SocketLike {
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  closed = false;
  constructor(readonly url: string) {}
  open() {
    this.onopen?.({} as Event);
  }
  frame(data: string) {
    this.onmessage?.({ data } as MessageEvent);
  }
  close() {
    if (this.closed) return;
    this.closed = true;
    this.onclose?.({} as CloseEvent);
  }
}

const msg = (n: number, text = `m${n}`): DlActivity => ({ id: `conv1|${n}`, type: 'message', text, from: { id: 'bot', role: 'bot' } });

let server: FakeServer;
let sockets: FakeSocket[];
let online: boolean;
let got: DlActivity[];
let statuses: Status[];
let sessions: Session[];
let expired: number;

function client(withSockets = true): DirectLine {
  const deps: TransportDeps = {
    fetch: server.fetch,
    ...(withSockets ? { socket: (url: string) => { const s = new FakeSocket(url); sockets.push(s); return s; } } : {}),
    now: () => Date.now(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
    online: () => online,
    visible: () => true,
    random: () => 0.5,
  };
  return new DirectLine('https://host/', deps, {
    activities: (list) => got.push(...list),
    status: (s) => statuses.push(s),
    session: (s) => sessions.push({ ...s }),
    expired: () => (expired += 1),
  });
}
const tick = (ms = 0) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers();
  server = new FakeServer();
  sockets = [];
  online = true;
  got = [];
  statuses = [];
  sessions = [];
  expired = 0;
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Direct Line transport', () => {
  it('opens a conversation for the tenant in the patient language, bound to a Direct Line user id (dl_…) of its own', async () => {
    const dl = client();
    await dl.start('demo-verzekeraar', 'en');
    expect(server.calls[0]).toMatchObject({ method: 'POST', path: 'tokens/generate', body: { tenant: 'demo-verzekeraar', locale: 'en' } });
    const userId = (server.calls[0]!.body as { user: { id: string } }).user.id;
    expect(userId).toMatch(/^dl_[0-9a-z]+$/);
    expect(server.calls[1]).toMatchObject({ method: 'POST', path: 'conversations', auth: 'Bearer tok1', body: { user: { id: userId } } });
    expect(dl.session).toMatchObject({ conversationId: 'conv1', token: 'tok1', watermark: '', userId, lifetime: 60_000 });
    expect(dl.session!.expiresAt).toBe(Date.now() + 60_000);
  });

  it('streams over a WebSocket from the watermark, passes each activity on once, ignores heartbeats', async () => {
    const dl = client();
    await dl.start('t', 'nl');
    dl.connect();
    await tick();
    expect(sockets).toHaveLength(1);
    expect(sockets[0]!.url).toBe('ws://x/stream?t=tok1&watermark=');
    sockets[0]!.open();
    expect(statuses.at(-1)).toBe('online');
    sockets[0]!.frame(JSON.stringify({ activities: [msg(1), msg(2)], watermark: '2' }));
    sockets[0]!.frame('');
    sockets[0]!.frame(JSON.stringify({ activities: [msg(2), msg(3)], watermark: '3' }));
    sockets[0]!.frame('not json');
    expect(got.map((a) => a.id)).toEqual(['conv1|1', 'conv1|2', 'conv1|3']);
    expect(dl.session!.watermark).toBe('3');
    expect(sessions.at(-1)!.watermark).toBe('3');
  });

  it('falls back to polling when the WebSocket never opens although the network is up (proxy, CSP)', async () => {
    server.activities = [msg(1)];
    const dl = client();
    await dl.start('t', 'nl');
    dl.connect();
    await tick();
    sockets[0]!.close();
    await tick();
    expect(got.map((a) => a.id)).toEqual(['conv1|1']);
    server.activities.push(msg(2));
    await tick(3000);
    expect(got.map((a) => a.id)).toEqual(['conv1|1', 'conv1|2']);
    expect(sockets).toHaveLength(1);
  });

  it('falls back to polling when the WebSocket neither opens nor closes (Chromium under a CSP without ws:)', async () => {
    server.activities = [msg(1)];
    const dl = client();
    await dl.start('t', 'nl');
    dl.connect();
    await tick(5999);
    expect(got).toEqual([]);
    await tick(1);
    expect(sockets[0]!.closed).toBe(true);
    expect(got.map((a) => a.id)).toEqual(['conv1|1']);
    expect(sockets).toHaveLength(1);
  });

  it('polls fast while a reply is expected and fetches right after sending', async () => {
    const dl = client(false);
    await dl.start('t', 'nl');
    dl.connect();
    await tick();
    const polls = () => server.calls.filter((c) => c.path.includes('activities?')).length;
    const before = polls();
    await dl.send({ type: 'message', text: 'hoi', locale: 'nl' });
    await tick();
    expect(polls()).toBe(before + 1);
    expect(server.calls.find((c) => c.method === 'POST' && c.path.endsWith('/activities'))!.body).toMatchObject({ text: 'hoi', locale: 'nl', from: { id: dl.session!.userId, role: 'user' } });
    await tick(800);
    expect(polls()).toBe(before + 2);
  });

  it('reconnects with backoff after the stream drops, says so, and catches up from the watermark', async () => {
    const dl = client();
    await dl.start('t', 'nl');
    dl.connect();
    await tick();
    sockets[0]!.open();
    sockets[0]!.frame(JSON.stringify({ activities: [msg(1)], watermark: '1' }));
    sockets[0]!.close();
    expect(statuses.at(-1)).toBe('reconnecting');
    await tick(999);
    expect(sockets).toHaveLength(1);
    await tick(1);
    expect(sockets).toHaveLength(2);
    expect(sockets[1]!.url).toContain('watermark=1');
    sockets[1]!.open();
    expect(statuses.at(-1)).toBe('online');
  });

  it('says offline when the network is gone and reconnects at once when it is back', async () => {
    const dl = client();
    await dl.start('t', 'nl');
    dl.connect();
    await tick();
    sockets[0]!.open();
    online = false;
    server.down = true;
    sockets[0]!.close();
    expect(statuses.at(-1)).toBe('offline');
    await tick(1000);
    expect(statuses.at(-1)).toBe('offline');
    expect(sockets).toHaveLength(1);
    online = true;
    server.down = false;
    dl.wake();
    await tick();
    expect(sockets).toHaveLength(2);
  });

  it('closes a socket that has gone silent (no heartbeat) and reconnects', async () => {
    const dl = client();
    await dl.start('t', 'nl');
    dl.connect();
    await tick();
    sockets[0]!.open();
    await tick(30_000);
    sockets[0]!.frame('');
    await tick(64_000);
    expect(sockets[0]!.closed).toBe(false);
    await tick(1000);
    expect(sockets[0]!.closed).toBe(true);
    await tick(1000);
    expect(sockets).toHaveLength(2);
  });

  it('refreshes the token halfway through its life and uses the new one', async () => {
    const dl = client(false);
    await dl.start('t', 'nl');
    dl.connect();
    await tick(29_000);
    expect(server.calls.some((c) => c.path === 'tokens/refresh')).toBe(false);
    await tick(1000);
    expect(server.calls.find((c) => c.path === 'tokens/refresh')).toMatchObject({ auth: 'Bearer tok1' });
    expect(dl.session!.token).toBe('tok2');
    expect(sessions.at(-1)!.token).toBe('tok2');
    await tick(3000);
    expect(server.calls.at(-1)!.auth).toBe('Bearer tok2');
    await tick(30_000);
    expect(dl.session!.token).toBe('tok3');
    expect(expired).toBe(0);
  });

  it('retries a refresh that failed on the network, and gives up only when the token has lapsed', async () => {
    const dl = client(false);
    await dl.start('t', 'nl');
    dl.connect();
    server.down = true;
    await tick(30_000);
    expect(expired).toBe(0);
    server.down = false;
    await tick(15_000);
    expect(dl.session!.token).toBe('tok2');
  });

  it('reports the conversation lapsed when the server refuses the token (expired, revoked)', async () => {
    const dl = client(false);
    await dl.start('t', 'nl');
    dl.connect();
    await tick();
    server.refuse = 403;
    await tick(3000);
    expect(expired).toBe(1);
    expect(dl.session).toBeNull();
    const calls = server.calls.length;
    await tick(60_000);
    expect(server.calls.length).toBe(calls);
  });

  it('on wake after the token expired (laptop lid closed), reports it lapsed without asking the server', async () => {
    const dl = client(false);
    await dl.start('t', 'nl');
    dl.connect();
    server.down = true;
    vi.setSystemTime(Date.now() + 120_000);
    dl.wake();
    expect(expired).toBe(1);
  });

  it('resumes a stored conversation, and refuses a stored one that has expired', async () => {
    const stored: Session = { conversationId: 'conv1', token: 'tok1', expiresAt: Date.now() + 10_000, lifetime: 60_000, watermark: '2', userId: 'ww_x' };
    const dl = client();
    await dl.resume(stored);
    expect(dl.session).toMatchObject({ conversationId: 'conv1', userId: 'ww_x', watermark: '2', expiresAt: Date.now() + 60_000 });
    server.activities = [msg(1), msg(2), msg(3)];
    const all = await dl.fetchSince('');
    expect(all).toEqual({ activities: [msg(1), msg(2), msg(3)], watermark: '3' });
    dl.markSeen(all.activities, all.watermark);
    dl.connect();
    await tick();
    sockets[0]!.open();
    sockets[0]!.frame(JSON.stringify({ activities: [msg(3), msg(4)], watermark: '4' }));
    expect(got.map((a) => a.id)).toEqual(['conv1|4']);
    await expect(client().resume({ ...stored, expiresAt: Date.now() - 1 })).rejects.toEqual(new HttpError(403));
  });

  it('backoff grows to 30 s with jitter', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 10].map((n) => backoff(n, 0.5))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(backoff(1, 0)).toBe(750);
    expect(backoff(1, 1)).toBe(1250);
  });
});
