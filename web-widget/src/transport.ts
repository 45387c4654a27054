/**
 * The widget's one way to the server: a Direct Line 3.0 client over fetch, with the WebSocket
 * stream when it opens and polling when it does not, reconnecting with backoff, refreshing the
 * token before it expires and passing on each activity once. Clock, timers, network and
 * visibility come in as dependencies, so the behaviour is tested in node with fakes.
 */
export interface DlActivity {
  id?: string;
  type: string;
  /** Event activities: e.g. "conversation.erased". */
  name?: string;
  text?: string;
  from?: { id: string; role?: string };
  channelData?: { slot?: unknown; caseReference?: unknown; clientActivityID?: unknown };
  suggestedActions?: { actions?: { type?: string; title?: unknown; value?: unknown }[] };
}

/** What survives a page reload (sessionStorage): never message content. */
export interface Session {
  conversationId: string;
  token: string;
  /** Epoch ms. */
  expiresAt: number;
  /** Token lifetime in ms, for scheduling the refresh. */
  lifetime: number;
  watermark: string;
  userId: string;
}

export type Status = 'connecting' | 'online' | 'reconnecting' | 'offline';

export interface SocketLike {
  onopen: ((e: Event) => void) | null;
  onmessage: ((e: MessageEvent) => void) | null;
  onclose: ((e: CloseEvent) => void) | null;
  onerror: ((e: Event) => void) | null;
  close(): void;
}

export interface TransportDeps {
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** Absent when the browser has none: polling only. */
  socket?: (url: string) => SocketLike;
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
  online(): boolean;
  visible(): boolean;
  random(): number;
}

export interface TransportEvents {
  /** New activities, each once, oldest first. */
  activities(list: DlActivity[]): void;
  status(status: Status): void;
  /** The session changed (token, expiry or watermark): persist it. */
  session(session: Session): void;
  /** The conversation cannot continue (token expired or revoked, conversation gone). */
  expired(): void;
}

/** An HTTP answer other than 2xx. */
export class HttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/** Exponential backoff with jitter: about 1 s, 2 s, 4 s … capped at 30 s. */
export function backoff(attempt: number, random: number): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.75 + random * 0.5));
}

/** When a session has lapsed for good: the token has expired, or the server refused it or lost the conversation. */
const isFatal = (e: unknown) => e instanceof HttpError && (e.status === 401 || e.status === 403 || e.status === 404);

// No heartbeat (the server sends one every 25 s) for this long means the socket is dead.
const silentSocketMs = 65_000;
// A stream that has not opened by now is blocked (CSP, proxy) or hopeless: poll instead.
const socketOpenMs = 6000;

export class DirectLine {
  session: Session | null = null;
  private readonly seen = new Set<string>();
  private socket: SocketLike | null = null;
  private useSocket: boolean;
  private timer: unknown = null;
  private refreshTimer: unknown = null;
  private watchdog: unknown = null;
  private attempt = 0;
  private lastSend = 0;
  private running = false;

  constructor(
    private readonly base: string,
    private readonly deps: TransportDeps,
    private readonly on: TransportEvents,
  ) {
    this.useSocket = Boolean(deps.socket);
  }

  /** Opens a new conversation for the tenant (the origin allow-list is checked here, by the server). */
  async start(tenant: string, locale: string): Promise<void> {
    // Direct Line's user-id form (dl_…): the server binds the conversation to it, so no other id can write in it.
    const userId = `dl_${Math.floor(this.deps.random() * 2 ** 52).toString(36)}`;
    const t = await this.call<{ conversationId: string; token: string; expires_in: number }>('tokens/generate', 'POST', null, { tenant, locale, user: { id: userId } });
    this.adopt({ conversationId: t.conversationId, token: t.token, expiresAt: 0, lifetime: 0, watermark: '', userId }, t.expires_in);
    await this.call('conversations', 'POST', t.token, { user: { id: userId } });
  }

  /** Resumes a stored conversation; rejects with an HttpError 403/404 when it cannot be resumed. */
  async resume(saved: Session): Promise<void> {
    if (saved.expiresAt <= this.deps.now()) throw new HttpError(403);
    const r = await this.call<{ expires_in: number }>('conversations', 'POST', saved.token, {});
    this.adopt(saved, r.expires_in);
  }

  /** Every activity after `watermark` ('' for all), following pages; marks them seen. */
  async fetchSince(watermark: string): Promise<{ activities: DlActivity[]; watermark: string }> {
    const s = this.need();
    const all: DlActivity[] = [];
    let wm = watermark;
    for (;;) {
      const page = await this.call<{ activities: DlActivity[]; watermark: string }>(`conversations/${encodeURIComponent(s.conversationId)}/activities?watermark=${encodeURIComponent(wm)}`, 'GET', s.token);
      if (!page.activities.length || page.watermark === wm) break;
      all.push(...page.activities);
      wm = page.watermark;
    }
    return { activities: all, watermark: wm };
  }

  /** Marks activities as already shown (restored history), so the stream does not pass them on again. */
  markSeen(list: DlActivity[], watermark: string): void {
    for (const a of list) if (a.id) this.seen.add(a.id);
    const s = this.need();
    s.watermark = watermark;
    this.on.session(s);
  }

  /** Starts receiving: WebSocket stream when possible, else polling. */
  connect(): void {
    if (this.running) return;
    this.running = true;
    this.attempt = 0;
    this.scheduleRefresh();
    this.loop();
  }

  /** Sends one activity; answers its id. */
  async send(activity: Record<string, unknown>): Promise<string> {
    const s = this.need();
    this.lastSend = this.deps.now();
    const r = await this.call<{ id: string }>(`conversations/${encodeURIComponent(s.conversationId)}/activities`, 'POST', s.token, { ...activity, from: { id: s.userId, role: 'user' } });
    // Polling: fetch the reply now rather than at the next tick.
    if (this.running && !this.socket) this.kick();
    return r.id;
  }

  /** The page came back (online, visible): check the token and reconnect at once if needed. */
  wake(): void {
    const s = this.session;
    if (!s || !this.running) return;
    const left = s.expiresAt - this.deps.now();
    if (left <= 0) return this.lapse();
    if (left < s.lifetime / 2) void this.refresh();
    if (!this.socket) this.kick();
  }

  /** Stops all network activity and timers (closing the page part, starting over). */
  stop(): void {
    this.running = false;
    for (const t of [this.timer, this.refreshTimer, this.watchdog]) if (t !== null) this.deps.clearTimeout(t);
    this.timer = this.refreshTimer = this.watchdog = null;
    const ws = this.socket;
    this.socket = null;
    ws?.close();
  }

  private need(): Session {
    if (!this.session) throw new Error('no conversation');
    return this.session;
  }

  private adopt(s: Session, expiresIn: number): void {
    this.session = { ...s, expiresAt: this.deps.now() + expiresIn * 1000, lifetime: expiresIn * 1000 };
    this.on.session(this.session);
  }

  private kick(): void {
    if (this.timer !== null) this.deps.clearTimeout(this.timer);
    this.timer = null;
    this.attempt = 0;
    this.loop();
  }

  private loop(): void {
    if (!this.running) return;
    if (this.useSocket && this.deps.socket) void this.openSocket();
    else void this.poll();
  }

  private deliver(list: DlActivity[], watermark: string | undefined): void {
    const fresh = list.filter((a) => !a.id || !this.seen.has(a.id));
    for (const a of fresh) if (a.id) this.seen.add(a.id);
    const s = this.session;
    if (s && watermark !== undefined && watermark !== s.watermark) {
      s.watermark = watermark;
      this.on.session(s);
    }
    if (fresh.length) this.on.activities(fresh);
  }

  private async poll(): Promise<void> {
    this.timer = null;
    const s = this.session;
    if (!s || !this.running) return;
    try {
      const page = await this.call<{ activities: DlActivity[]; watermark: string }>(`conversations/${encodeURIComponent(s.conversationId)}/activities?watermark=${encodeURIComponent(s.watermark)}`, 'GET', s.token);
      if (!this.running || this.session !== s) return;
      this.attempt = 0;
      this.on.status('online');
      this.deliver(page.activities, page.watermark);
      // Quick while a reply is expected, slow when idle, rare in a background tab.
      const wait = !this.deps.visible() ? 15_000 : this.deps.now() - this.lastSend < 30_000 ? 800 : 3000;
      if (this.timer === null) this.timer = this.deps.setTimeout(() => void this.poll(), wait);
    } catch (e) {
      if (this.session === s) this.fail(e);
    }
  }

  private async openSocket(): Promise<void> {
    this.timer = null;
    const s = this.session;
    if (!s || !this.running) return;
    let url: string;
    try {
      // A fresh stream URL carries the current token.
      url = (await this.call<{ streamUrl: string }>(`conversations/${encodeURIComponent(s.conversationId)}`, 'GET', s.token)).streamUrl;
    } catch (e) {
      return this.fail(e);
    }
    if (!this.running || this.session !== s) return;
    let ws: SocketLike;
    let opened = false;
    try {
      ws = this.deps.socket!(`${url}${url.includes('?') ? '&' : '?'}watermark=${encodeURIComponent(s.watermark)}`);
    } catch {
      this.useSocket = false;
      return this.loop();
    }
    this.socket = ws;
    // Chromium blocks a WebSocket the page's CSP forbids without ever firing close: give up after a while.
    this.watchdog = this.deps.setTimeout(() => {
      if (this.socket !== ws || opened) return;
      this.socket = null;
      ws.onclose = null;
      ws.close();
      this.watchdog = null;
      if (!this.running) return;
      if (!this.deps.online()) return this.retry();
      this.useSocket = false;
      this.loop();
    }, socketOpenMs);
    const alive = () => {
      if (this.watchdog !== null) this.deps.clearTimeout(this.watchdog);
      this.watchdog = this.deps.setTimeout(() => ws.close(), silentSocketMs);
    };
    ws.onopen = () => {
      opened = true;
      this.attempt = 0;
      this.on.status('online');
      alive();
    };
    ws.onmessage = (e) => {
      alive();
      if (typeof e.data !== 'string' || e.data === '') return; // heartbeat
      try {
        const frame = JSON.parse(e.data) as { activities?: DlActivity[]; watermark?: string };
        this.deliver(frame.activities ?? [], frame.watermark);
      } catch {
        // A frame that is not JSON is ignored; the watermark makes the next one catch up.
      }
    };
    ws.onerror = null;
    ws.onclose = () => {
      if (this.socket !== ws) return;
      this.socket = null;
      if (this.watchdog !== null) this.deps.clearTimeout(this.watchdog);
      this.watchdog = null;
      if (!this.running) return;
      // Never opened although the network is up: a proxy or the page's CSP blocks WebSockets. Poll instead.
      if (!opened && this.deps.online()) {
        this.useSocket = false;
        return this.loop();
      }
      this.retry();
    };
  }

  private fail(e: unknown): void {
    if (!this.running) return;
    if (isFatal(e)) return this.lapse();
    this.retry();
  }

  private retry(): void {
    this.on.status(this.deps.online() ? 'reconnecting' : 'offline');
    this.attempt += 1;
    if (this.timer !== null) this.deps.clearTimeout(this.timer);
    this.timer = this.deps.setTimeout(() => {
      this.timer = null;
      this.loop();
    }, backoff(this.attempt, this.deps.random()));
  }

  private lapse(): void {
    this.stop();
    this.session = null;
    this.on.expired();
  }

  private scheduleRefresh(): void {
    const s = this.session;
    if (!s) return;
    if (this.refreshTimer !== null) this.deps.clearTimeout(this.refreshTimer);
    // Halfway through the token's life, like Microsoft's client: time to retry before it lapses.
    const due = Math.max(1000, s.expiresAt - s.lifetime / 2 - this.deps.now());
    this.refreshTimer = this.deps.setTimeout(() => void this.refresh(), due);
  }

  private async refresh(): Promise<void> {
    const s = this.session;
    if (!s || !this.running) return;
    this.refreshTimer = null;
    try {
      const r = await this.call<{ token: string; expires_in: number }>('tokens/refresh', 'POST', s.token, {});
      if (this.session !== s) return;
      this.adopt({ ...s, token: r.token }, r.expires_in);
      this.scheduleRefresh();
    } catch (e) {
      if (this.session !== s || !this.running) return;
      const left = s.expiresAt - this.deps.now();
      if (isFatal(e) || left <= 0) return this.lapse();
      this.refreshTimer = this.deps.setTimeout(() => void this.refresh(), Math.min(30_000, left / 2));
    }
  }

  private async call<T>(path: string, method: 'GET' | 'POST', token: string | null, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const r = await this.deps.fetch(`${this.base}v3/directline/${path}`, {
      method,
      headers,
      credentials: 'omit',
      cache: 'no-store',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    if (!r.ok) throw new HttpError(r.status);
    return (await r.json()) as T;
  }
}
