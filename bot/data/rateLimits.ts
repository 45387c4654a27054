import { sha256 } from '../hash.ts';
import type { Db } from './db.ts';

export interface RateLimit {
  /** Stable name of the limit, part of the counter key. */
  name: string;
  max: number;
  windowMs: number;
}

/**
 * Fixed-window counters in the database (one upsert per check), so that every instance counts
 * against the same limit. Subjects are hashed: no address in clear.
 */
export class RateLimiter {
  private hits = 0;

  constructor(private readonly db: Db) {}

  /** Counts one request; returns 0 when it is within the limit, or the seconds until the window ends. */
  async hit(limit: RateLimit, subject: string, now: Date = new Date()): Promise<number> {
    const windowStart = Math.floor(now.getTime() / limit.windowMs) * limit.windowMs;
    const windowEndsAt = new Date(windowStart + limit.windowMs);
    const key = `${limit.name}:${sha256(subject).slice(0, 32)}:${windowStart}`;
    const row = await this.db.rateLimitCounter.upsert({ where: { key }, create: { key, count: 1, windowEndsAt }, update: { count: { increment: 1 } }, select: { count: true } });
    // Ended windows are swept now and then, not on every request.
    if (++this.hits % 500 === 0) void this.db.rateLimitCounter.deleteMany({ where: { windowEndsAt: { lt: now } } }).catch(() => undefined);
    return row.count > limit.max ? Math.max(1, Math.ceil((windowEndsAt.getTime() - now.getTime()) / 1000)) : 0;
  }
}
