/** Direct Line 3.0 over fetch with polling: the one way the widget talks to the server. */
export interface DlActivity {
  id?: string;
  type: string;
  text?: string;
  from?: { id: string; role?: string };
  channelData?: { slot?: string; caseReference?: string };
  suggestedActions?: { actions: { type: string; title?: string; value?: unknown }[] };
}

export interface Session {
  conversationId: string;
  token: string;
  watermark: string;
  userId: string;
}

export class DirectLineTransport {
  constructor(private readonly base: string) {}

  async open(tenant: string, locale: string, saved: Session | null): Promise<Session> {
    if (saved) {
      const r = await fetch(`${this.base}/v3/directline/conversations`, { method: 'POST', headers: this.headers(saved.token), body: '{}' });
      if (r.ok) return saved;
    }
    const g = await fetch(`${this.base}/v3/directline/tokens/generate`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ tenant, locale }) });
    if (!g.ok) throw new Error(`token ${g.status}`);
    const t = (await g.json()) as { conversationId: string; token: string };
    const userId = `w_${Math.random().toString(36).slice(2, 12)}`;
    const c = await fetch(`${this.base}/v3/directline/conversations`, { method: 'POST', headers: this.headers(t.token), body: JSON.stringify({ user: { id: userId } }) });
    if (!c.ok) throw new Error(`conversation ${c.status}`);
    return { conversationId: t.conversationId, token: t.token, watermark: '', userId };
  }

  async send(s: Session, text: string, locale: string): Promise<void> {
    const r = await fetch(`${this.base}/v3/directline/conversations/${encodeURIComponent(s.conversationId)}/activities`, {
      method: 'POST', headers: this.headers(s.token), body: JSON.stringify({ type: 'message', text, locale, from: { id: s.userId, role: 'user' } }),
    });
    if (!r.ok) throw new Error(`send ${r.status}`);
  }

  async poll(s: Session): Promise<DlActivity[]> {
    const r = await fetch(`${this.base}/v3/directline/conversations/${encodeURIComponent(s.conversationId)}/activities?watermark=${encodeURIComponent(s.watermark)}`, { headers: this.headers(s.token) });
    if (!r.ok) throw new Error(`poll ${r.status}`);
    const body = (await r.json()) as { activities: DlActivity[]; watermark: string };
    s.watermark = body.watermark;
    return body.activities;
  }

  private headers(token: string): Record<string, string> {
    return { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  }
}
