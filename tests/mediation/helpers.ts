import type { NewCase } from '../../bot/data/caseStore.ts';
import type { Services } from '../../bot/services.ts';

let counter = 0;

/** The contract's structured request, with overrides. */
export function contractRequest(overrides: Record<string, unknown> = {}, patient: Record<string, unknown> = {}) {
  return {
    specialty: '0305', treatment: 'knieprothese', hospital: 'Maasstad Ziekenhuis', waitingWeeks: 13, treeknormWeeks: 7, treeknormExceeded: true,
    postcode: '3011AB', maxTravelKm: 30, contactPreference: 'phone',
    patient: { fullName: 'Jan Jansen', dateOfBirth: '1961-04-02', policyNumber: '12345678', phone: '0612345678', email: null, ...patient },
    consent: { given: true, at: '2026-11-20T10:00:00.000Z', text: 'Mag ik uw gegevens delen met uw zorgverzekeraar voor zorgbemiddeling?' },
    ...overrides,
  };
}

/** Stores a case through the real CaseStore, as the conversation does. */
export async function createCase(services: Pick<Services, 'cases'>, options: { insurer?: string; request?: Record<string, unknown>; conversationId?: string; now?: Date; transcript?: unknown[] | null } = {}) {
  counter += 1;
  const insurer = options.insurer ?? 'demo-verzekeraar';
  const input: NewCase = {
    insurerTenantId: insurer, sourceTenantId: insurer, conversationId: options.conversationId ?? `conv-${process.pid}-${counter}`,
    idempotencyKey: `test-${process.pid}-${Date.now()}-${counter}`, locale: 'nl', channel: 'directline',
    request: options.request ?? contractRequest(), transcript: options.transcript === undefined ? [{ from: 'patient', text: 'Ik wacht al 13 weken', at: '2026-11-20T10:00:00.000Z' }] : options.transcript,
  };
  return (await services.cases.create(input, options.now)).case;
}

/**
 * Parsed JSON as the tests read it: any property path (with ?.), compared by the assertions.
 * The string intersection lets a leaf be compared with a literal; no `any` needed.
 */
export type J = { [key: string]: J } & string;
/** A JSON array as a real array. */
export const arr = (j: J | undefined): J[] => (Array.isArray(j) ? (j as unknown as J[]) : []);

export interface Session {
  cookie: string;
  csrf: string;
  mediator: { id: string; tenantId: string; role: string; name: string };
}

/** Logs in as a demo account through the API. */
export async function login(base: string, email: string, password = 'demo'): Promise<Session> {
  const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (r.status !== 200) throw new Error(`login ${email}: ${r.status} ${await r.text()}`);
  const cookie = (r.headers.getSetCookie() ?? []).map((c) => c.split(';')[0]).join('; ');
  const body = (await r.json()) as { csrfToken: string; mediator: Session['mediator'] };
  return { cookie, csrf: body.csrfToken, mediator: body.mediator };
}

export const demo = {
  mediator: 'mediator@demo-verzekeraar.test',
  admin: 'admin@demo-verzekeraar.test',
  otherMediator: 'mediator@andere-verzekeraar.test',
  otherAdmin: 'admin@andere-verzekeraar.test',
};

/** A small API client bound to a session (cookie + CSRF) or a Bearer token. */
export function client(base: string, auth: Session | { token: string } | null) {
  const headers = (method: string): Record<string, string> => {
    const h: Record<string, string> = { 'content-type': 'application/json' };
    if (auth && 'token' in auth) h.authorization = `Bearer ${auth.token}`;
    if (auth && 'cookie' in auth) {
      h.cookie = auth.cookie;
      if (method !== 'GET') h['x-csrf-token'] = auth.csrf;
    }
    return h;
  };
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${base}${path}`, { method, headers: headers(method), body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
    const text = await r.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: r.status, headers: r.headers, body: json as J };
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body?: unknown) => call('POST', path, body ?? {}),
    del: (path: string) => call('DELETE', path),
  };
}
