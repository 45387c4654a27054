import { randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { sha256 } from '../hash.ts';
import type { RequestHandler } from 'express';
import type { MediatorIdentity, MediatorStore, TokenRole } from '../data/mediators.ts';
import type { AuditLog } from '../data/audit.ts';
import type { LoginThrottleStore } from '../data/throttle.ts';
import { AppError, forbidden, unauthorized } from '../errors.ts';

export const sessionCookie = 'ww_session';
export const csrfHeader = 'x-csrf-token';
const sessionHours = 8;
/** API tokens carry a recognisable prefix so secret scanners and people can tell them apart. */
export const apiTokenPrefix = 'wwt_';

// argon2id, memory-hard, with OWASP's minimum parameters (19 MiB, 2 passes).
const argonOptions = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id. */
export const hashPassword = (password: string) => hash(password, argonOptions);

/** Who is calling: a mediator in the console (session cookie) or an insurer's system (API token). */
export interface Principal {
  kind: 'session' | 'api_token';
  /** Mediator id, or API token id. */
  id: string;
  tenantId: string;
  /** reader: an API token that may only read (never a person's role). */
  role: 'mediator' | 'admin' | 'reader';
  name: string;
  email: string | null;
  /** NEN 7513 "on whose behalf": the insurer for a mediator; the issuing admin for a token. */
  onBehalfOf: string;
  csrfToken: string | null;
  sessionHash: string | null;
}

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

/** 429 with the seconds to wait; the route copies them into Retry-After. */
export class TooManyAttempts extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'too_many_attempts', 'Too many failed log-ins. Wait a while and try again.', { retryAfterSeconds });
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface MediatorAuthDeps {
  store: MediatorStore;
  throttle: LoginThrottleStore;
  audit: AuditLog;
  secureCookies: boolean;
  now?: () => Date;
}

/** Log-in with throttling, sessions, CSRF checks, API tokens; equally slow for unknown accounts so timing does not reveal who exists. */
export class MediatorAuth {
  private readonly dummyHash: Promise<string>;
  private readonly store: MediatorStore;
  private readonly throttle: LoginThrottleStore;
  private readonly audit: AuditLog;
  readonly secureCookies: boolean;
  private readonly now: () => Date;

  constructor(deps: MediatorAuthDeps) {
    this.store = deps.store;
    this.throttle = deps.throttle;
    this.audit = deps.audit;
    this.secureCookies = deps.secureCookies;
    this.now = deps.now ?? (() => new Date());
    this.dummyHash = hashPassword(randomBytes(16).toString('hex'));
  }

  async login(email: string, password: string, client: { ip: string; userAgent: string | null }): Promise<{ mediator: MediatorIdentity; sessionToken: string; csrfToken: string; expiresAt: Date }> {
    const now = this.now();
    // Checked before the password, so a held-up attempt costs no argon2 work and learns nothing.
    const wait = await this.throttle.retryAfterSeconds(email, client.ip, now);
    if (wait > 0) throw new TooManyAttempts(wait);
    const account = await this.store.findByEmail(email);
    const ok = await verify(account?.passwordHash ?? (await this.dummyHash), password).catch(() => false);
    const actor = { type: 'mediator' as const, id: account?.id ?? null, role: account?.role ?? null, name: null, tenantId: account?.tenantId ?? null, onBehalfOf: account?.tenantId ?? null, ipHash: await this.audit.hashIp(client.ip), userAgent: client.userAgent?.slice(0, 200) ?? null };
    if (!account || !ok) {
      await this.throttle.recordFailure(email, client.ip, now);
      if (account) await this.audit.record(actor, { tenantId: account.tenantId, action: 'auth.login', outcome: 'denied' });
      throw unauthorized('E-mail address or password is wrong');
    }
    await this.throttle.recordSuccess(email, client.ip, now);
    const sessionToken = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(now.getTime() + sessionHours * 3600_000);
    await this.store.createSession({ hash: sha256(sessionToken), mediatorId: account.id, kind: 'session', csrfToken, expiresAt });
    await this.audit.record(actor, { tenantId: account.tenantId, action: 'auth.login' });
    const { passwordHash: _omit, ...mediator } = account;
    return { mediator, sessionToken, csrfToken, expiresAt };
  }

  async logout(principal: Principal): Promise<void> {
    if (principal.sessionHash) await this.store.revokeSession(principal.sessionHash);
  }

  cookieHeader(token: string, expiresAt: Date): string {
    return [`${sessionCookie}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Expires=${expiresAt.toUTCString()}`, ...(this.secureCookies ? ['Secure'] : [])].join('; ');
  }

  clearCookieHeader(): string {
    return [`${sessionCookie}=`, 'Path=/', 'HttpOnly', 'SameSite=Strict', 'Max-Age=0', ...(this.secureCookies ? ['Secure'] : [])].join('; ');
  }

  /** A new API token: the secret is returned once and only its sha256 is stored. */
  async createApiToken(principal: Principal, input: { name: string; role: TokenRole; expiresInDays: number | null }) {
    const secret = `${apiTokenPrefix}${randomBytes(32).toString('base64url')}`;
    const now = this.now();
    const view = await this.store.createApiToken({
      tenantId: principal.tenantId, name: input.name, role: input.role, hash: sha256(secret), createdById: principal.id,
      expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null,
    });
    return { ...view, token: secret };
  }

  /** Authenticates by Bearer API token or by session cookie; 401 otherwise. */
  requirePrincipal(): RequestHandler {
    return (req, _res, next) => {
      const header = req.headers.authorization;
      const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
      const cookie = parseCookies(req.headers.cookie)[sessionCookie];
      const now = this.now();
      const resolve = async (): Promise<Principal | null> => {
        if (bearer) {
          const token = await this.store.findApiToken(sha256(bearer), now);
          return token
            ? { kind: 'api_token', id: token.id, tenantId: token.tenantId, role: token.role, name: token.name, email: null, onBehalfOf: `mediator:${token.createdById}`, csrfToken: null, sessionHash: null }
            : null;
        }
        if (cookie) {
          const hashOf = sha256(cookie);
          const found = await this.store.findSession(hashOf, now);
          if (!found || found.kind !== 'session') return null;
          const m = found.mediator;
          return { kind: 'session', id: m.id, tenantId: m.tenantId, role: m.role, name: m.name, email: m.email, onBehalfOf: `insurer:${m.tenantId}`, csrfToken: found.csrfToken, sessionHash: hashOf };
        }
        return null;
      };
      if (!bearer && !cookie) return next(unauthorized('Log in first, or send an API token as Bearer'));
      resolve()
        .then((principal) => {
          if (!principal) return next(unauthorized('The session or token is not valid or has expired'));
          req.principal = principal;
          next();
        })
        .catch(next);
    };
  }

  /**
   * CSRF: a state-changing request authenticated by the session cookie must repeat the session's CSRF
   * token in X-CSRF-Token (a cross-site page can make the browser send the cookie, not the header).
   * Bearer tokens are never sent by a browser on its own, so they need no such check.
   */
  requireCsrf(): RequestHandler {
    return (req, _res, next) => {
      const p = req.principal;
      if (!p || p.kind !== 'session' || safeMethods.has(req.method)) return next();
      const sent = req.headers[csrfHeader];
      if (typeof sent !== 'string' || !p.csrfToken || !sameSecret(sent, p.csrfToken)) {
        return next(new AppError(403, 'csrf_failed', 'Send the X-CSRF-Token you received at log-in'));
      }
      next();
    };
  }

  requireAdmin(): RequestHandler {
    return (req, _res, next) => (req.principal?.role === 'admin' ? next() : next(forbidden('Only an admin may do this')));
  }
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) {
      try {
        out[part.slice(0, eq).trim()] = decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        // A malformed cookie from some other site on localhost is not ours; ignore it.
      }
    }
  }
  return out;
}
