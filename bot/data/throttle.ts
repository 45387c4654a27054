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

/** Login throttling per (e-mail, IP) in the database, so every instance sees the same count. */
export class LoginThrottleStore {
  constructor(
    private readonly db: Db,
    private readonly policy: ThrottlePolicy = defaultLoginPolicy,
  ) {}

  static key(email: string, ip: string): string {
    return sha256(`${email.trim().toLowerCase()}|${ip}`);
  }

  /** Seconds until the pair may try again, or 0 when it may try now. */
  async retryAfterSeconds(key: string, now: Date): Promise<number> {
    const row = await this.db.loginThrottle.findUnique({ where: { key } });
    if (!row?.lockedUntil || row.lockedUntil <= now) return 0;
    return Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000);
  }

  /** Counts a failure; returns the lock's seconds when this failure crossed the limit. */
  async recordFailure(key: string, now: Date): Promise<number> {
    const windowStart = new Date(now.getTime() - this.policy.windowMs);
    // One transaction so that two instances counting at once cannot both read the same old count.
    return this.db.$transaction(async (tx) => {
      const row = await tx.loginThrottle.findUnique({ where: { key } });
      // A new window starts when the old one ran out or a served lock ended.
      const fresh = !row || row.windowStartedAt < windowStart || (row.lockedUntil !== null && row.lockedUntil <= now);
      const failures = fresh ? 1 : row.failures + 1;
      const lockedUntil = failures >= this.policy.maxFailures ? new Date(now.getTime() + this.policy.lockMs) : fresh ? null : row.lockedUntil;
      await tx.loginThrottle.upsert({
        where: { key },
        create: { key, failures, windowStartedAt: now, lockedUntil },
        update: { failures, windowStartedAt: fresh ? now : row.windowStartedAt, lockedUntil },
      });
      return lockedUntil && lockedUntil > now ? Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000) : 0;
    });
  }

  async recordSuccess(key: string): Promise<void> {
    await this.db.loginThrottle.deleteMany({ where: { key } });
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
