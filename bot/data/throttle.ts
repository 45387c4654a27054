import { sha256 } from '../hash.ts';
import type { Db } from './db.ts';

export interface ThrottlePolicy {
  /** Failures allowed per window before the pair is locked. */
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

// Five tries per quarter of an hour per (e-mail, IP), then a 15-minute lock: slow enough that guessing
// a password is hopeless, short enough that a mediator who mistyped is back at work soon.
export const defaultLoginPolicy: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/**
 * The wider limits (OWASP ASVS 2.2.1: soft lock-outs that grow, not hard ones an attacker can use
 * against a colleague). Per account across addresses: after `accountFailuresBeforeDelay` failures each
 * further failure doubles the wait, from `baseDelayMs` up to `maxDelayMs`; an address the account
 * logged in from before is not held up by it. Per address across accounts (password spraying): the
 * same after `addressFailuresBeforeDelay` failures, again except for the account's known addresses.
 */
export interface LoginLimits {
  pair: ThrottlePolicy;
  accountFailuresBeforeDelay: number;
  addressFailuresBeforeDelay: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failures older than this no longer count towards the account and address limits. */
  windowMs: number;
  /** How long an address stays "known" for an account after a successful log-in from it. */
  knownForMs: number;
}

export const defaultLoginLimits: LoginLimits = {
  pair: defaultLoginPolicy,
  accountFailuresBeforeDelay: 10,
  addressFailuresBeforeDelay: 30,
  baseDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
  windowMs: 60 * 60_000,
  knownForMs: 90 * 86_400_000,
};

const normalEmail = (email: string) => email.trim().toLowerCase();

/** Row keys: hashes only, no address or e-mail in clear. */
export function throttleKeys(email: string, ip: string): { pair: string; account: string; address: string } {
  return { pair: sha256(`${normalEmail(email)}|${ip}`), account: sha256(`account|${normalEmail(email)}`), address: sha256(`address|${ip}`) };
}

type Row = { key: string; failures: number; windowStartedAt: Date; lockedUntil: Date | null; lastSuccessAt: Date | null };
type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

const secondsUntil = (until: Date | null | undefined, now: Date) => (until && until > now ? Math.ceil((until.getTime() - now.getTime()) / 1000) : 0);

/** Login throttling in the database, so every instance sees the same counts. */
export class LoginThrottleStore {
  private readonly limits: LoginLimits;

  constructor(
    private readonly db: Db,
    limits: Partial<LoginLimits> = {},
  ) {
    this.limits = { ...defaultLoginLimits, ...limits };
  }

  /** Seconds until this e-mail may try again from this address, or 0 when it may try now. */
  async retryAfterSeconds(email: string, ip: string, now: Date): Promise<number> {
    const keys = throttleKeys(email, ip);
    const rows = (await this.db.loginThrottle.findMany({ where: { key: { in: [keys.pair, keys.account, keys.address] } } })) as Row[];
    const byKey = new Map(rows.map((r) => [r.key, r]));
    const pair = byKey.get(keys.pair);
    const known = Boolean(pair?.lastSuccessAt && now.getTime() - pair.lastSuccessAt.getTime() < this.limits.knownForMs);
    const waits = [secondsUntil(pair?.lockedUntil, now)];
    if (!known) waits.push(secondsUntil(byKey.get(keys.account)?.lockedUntil, now), secondsUntil(byKey.get(keys.address)?.lockedUntil, now));
    return Math.max(...waits);
  }

  /** Counts a failure for the pair, the account and the address. */
  async recordFailure(email: string, ip: string, now: Date): Promise<void> {
    const keys = throttleKeys(email, ip);
    const { pair, windowMs, baseDelayMs, maxDelayMs } = this.limits;
    const growing = (threshold: number) => (failures: number) =>
      failures < threshold ? null : new Date(now.getTime() + Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(30, failures - threshold)));
    // One transaction, so that two instances counting at once cannot both read the same old count.
    await this.db.$transaction(async (tx) => {
      await this.bump(tx, keys.pair, now, pair.windowMs, (failures) => (failures >= pair.maxFailures ? new Date(now.getTime() + pair.lockMs) : null), true);
      await this.bump(tx, keys.account, now, windowMs, growing(this.limits.accountFailuresBeforeDelay), false);
      await this.bump(tx, keys.address, now, windowMs, growing(this.limits.addressFailuresBeforeDelay), false);
    });
  }

  private async bump(tx: Tx, key: string, now: Date, windowMs: number, lockFor: (failures: number) => Date | null, resetAfterLock: boolean): Promise<void> {
    const row = (await tx.loginThrottle.findUnique({ where: { key } })) as Row | null;
    // A new window starts when the old one ran out (or, for the pair, when a served lock ended).
    const fresh = !row || row.windowStartedAt.getTime() < now.getTime() - windowMs || (resetAfterLock && row.lockedUntil !== null && row.lockedUntil <= now);
    const failures = fresh ? 1 : row.failures + 1;
    const lockedUntil = lockFor(failures) ?? (fresh ? null : row.lockedUntil);
    await tx.loginThrottle.upsert({
      where: { key },
      create: { key, failures, windowStartedAt: now, lockedUntil },
      update: { failures, windowStartedAt: fresh ? now : row.windowStartedAt, lockedUntil },
    });
  }

  /** The pair becomes known and starts afresh; the account's run of failures ends with its owner's success. */
  async recordSuccess(email: string, ip: string, now: Date): Promise<void> {
    const keys = throttleKeys(email, ip);
    await this.db.$transaction([
      this.db.loginThrottle.upsert({
        where: { key: keys.pair },
        create: { key: keys.pair, failures: 0, windowStartedAt: now, lockedUntil: null, lastSuccessAt: now },
        update: { failures: 0, windowStartedAt: now, lockedUntil: null, lastSuccessAt: now },
      }),
      this.db.loginThrottle.deleteMany({ where: { key: keys.account } }),
    ]);
  }
}

/**
 * At most `max` case-status look-ups per conversation per window (issue 10: no guessing dates of
 * birth). Counted in the database (the login-throttle table, under a key of its own), so a
 * restart, "opnieuw beginnen" or another instance does not reset it.
 */
export class StatusLookupLimiter {
  constructor(
    private readonly db: Db,
    readonly max = 5,
    readonly windowMs = 60 * 60_000,
  ) {}

  static key(conversationId: string): string {
    return sha256(`status-lookup|${conversationId}`);
  }

  /** Counts one look-up; false when this conversation has used up its look-ups for the window. */
  async take(conversationId: string, now: Date): Promise<boolean> {
    const key = StatusLookupLimiter.key(conversationId);
    const windowStart = new Date(now.getTime() - this.windowMs);
    return this.db.$transaction(async (tx) => {
      const row = await tx.loginThrottle.findUnique({ where: { key } });
      const fresh = !row || row.windowStartedAt < windowStart;
      const used = fresh ? 0 : row.failures;
      if (used >= this.max) return false;
      await tx.loginThrottle.upsert({
        where: { key },
        create: { key, failures: 1, windowStartedAt: now, lockedUntil: null },
        update: { failures: used + 1, windowStartedAt: fresh ? now : row.windowStartedAt },
      });
      return true;
    });
  }
}
