import { randomUUID } from 'node:crypto';
import type { Db } from './db.ts';

/**
 * Leases in the database let one instance at a time run a scheduled job (retention, the
 * waiting-time sync) when several share a database. A crashed holder's lease simply runs out.
 * Portable: a conditional UPDATE, else an INSERT that the primary key makes unique.
 */

/** Takes (or renews) the named lease until `until`; false when another owner holds an unexpired one. */
export async function acquireLease(db: Db, name: string, owner: string, now: Date, until: Date): Promise<boolean> {
  const taken = await db.jobLease.updateMany({ where: { name, OR: [{ leaseUntil: { lt: now } }, { owner }] }, data: { owner, leaseUntil: until } });
  if (taken.count === 1) return true;
  try {
    await db.jobLease.create({ data: { name, owner, leaseUntil: until } });
    return true;
  } catch {
    // The row exists and someone else holds it (or just created it).
    return false;
  }
}

/** Gives the lease up early (another instance may take it at once). */
export async function releaseLease(db: Db, name: string, owner: string): Promise<void> {
  await db.jobLease.updateMany({ where: { name, owner }, data: { leaseUntil: new Date(0) } });
}

/**
 * Runs a periodic job on at most one instance per period: the instance that gets the lease runs
 * `work` and keeps the lease for `periodMs` (so the others skip this period); when `work` fails
 * it gives the lease back so another instance can try. Answers whether this instance ran it.
 */
export async function runOncePerPeriod<T>(db: Db, name: string, periodMs: number, work: () => Promise<T>, options: { now?: () => Date; owner?: string } = {}): Promise<{ ran: true; result: T } | { ran: false }> {
  const now = options.now ?? (() => new Date());
  const owner = options.owner ?? `instance-${process.pid}-${randomUUID().slice(0, 8)}`;
  const at = now();
  if (!(await acquireLease(db, name, owner, at, new Date(at.getTime() + periodMs)))) return { ran: false };
  try {
    return { ran: true, result: await work() };
  } catch (error) {
    await releaseLease(db, name, owner).catch(() => undefined);
    throw error;
  }
}
