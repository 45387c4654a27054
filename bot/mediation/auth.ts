import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { RequestHandler } from 'express';
import type { MediatorIdentity, MediatorStore } from '../data/mediators.ts';
import { unauthorized } from '../errors.ts';

export const sessionCookie = 'ww_session';
const sessionHours = 8;
const sha256 = (v: string) => createHash('sha256').update(v).digest('hex');

// argon2id, memory-hard, with OWASP's minimum parameters (19 MiB, 2 passes).
const argonOptions = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id. */
export const hashPassword = (password: string) => hash(password, argonOptions);

declare module 'express-serve-static-core' {
  interface Request {
    mediator?: MediatorIdentity;
  }
}

/** Logs a mediator in; equally slow for unknown accounts so timing does not reveal who exists. */
export class MediatorAuth {
  private readonly dummyHash: Promise<string>;

  constructor(
    private readonly store: MediatorStore,
    private readonly secureCookies: boolean,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.dummyHash = hashPassword(randomBytes(16).toString('hex'));
  }

  async login(email: string, password: string): Promise<{ mediator: MediatorIdentity; sessionToken: string; csrfToken: string; expiresAt: Date }> {
    const account = await this.store.findByEmail(email);
    const ok = await verify(account?.passwordHash ?? (await this.dummyHash), password).catch(() => false);
    if (!account || !ok) throw unauthorized('E-mail address or password is wrong');
    const sessionToken = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(this.now().getTime() + sessionHours * 3600_000);
    await this.store.createSession({ hash: sha256(sessionToken), mediatorId: account.id, kind: 'session', csrfToken, expiresAt });
    const { passwordHash: _omit, ...mediator } = account;
    return { mediator, sessionToken, csrfToken, expiresAt };
  }

  cookieHeader(token: string, expiresAt: Date): string {
    return [`${sessionCookie}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Expires=${expiresAt.toUTCString()}`, ...(this.secureCookies ? ['Secure'] : [])].join('; ');
  }

  /** Authenticates by session cookie or Bearer API token; 401 otherwise. */
  requireMediator(): RequestHandler {
    return (req, _res, next) => {
      const header = req.headers.authorization;
      const fromBearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
      const fromCookie = parseCookies(req.headers.cookie)[sessionCookie];
      const secret = fromBearer ?? fromCookie;
      if (!secret) return next(unauthorized('Log in first, or send an API token as Bearer'));
      this.store
        .findSession(sha256(secret), this.now())
        .then((found) => {
          if (!found) return next(unauthorized('The session or token is not valid or has expired'));
          req.mediator = found.mediator;
          next();
        })
        .catch(next);
    };
  }
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = decodeURIComponent(part.slice(eq + 1).trim());
  }
  return out;
}
