import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../bot/data/db.ts';
import { runOncePerPeriod } from '../../bot/data/jobLease.ts';
import { freshDatabase } from '../support/db.ts';

describe('a daily job on several instances sharing one database', () => {
  let one: Db;
  let two: Db;
  beforeAll(async () => {
    const fresh = await freshDatabase();
    one = fresh.db;
    two = createDb(fresh.url, { poolSize: 2 }); // a second instance's own client
  });
  afterAll(async () => {
    await one?.$disconnect();
    await two?.$disconnect();
  });

  it('runs on exactly one instance when all start it at the same moment', async () => {
    const now = () => new Date('2026-12-01T03:00:00Z');
    let runs = 0;
    const work = async () => ++runs;
    const outcomes = await Promise.all([one, two, one, two].map((db, i) => runOncePerPeriod(db, 'race', 3_600_000, work, { now, owner: `instance-${i}` })));
    expect(outcomes.filter((o) => o.ran)).toHaveLength(1);
    expect(runs).toBe(1);
  });

  it('runs again once the period has passed, on whichever instance comes first', async () => {
    let at = new Date('2026-12-01T03:00:00Z').getTime();
    const now = () => new Date(at);
    expect((await runOncePerPeriod(one, 'daily', 3_600_000, async () => 1, { now, owner: 'a' })).ran).toBe(true);
    at += 30 * 60_000;
    expect((await runOncePerPeriod(two, 'daily', 3_600_000, async () => 1, { now, owner: 'b' })).ran).toBe(false);
    at += 31 * 60_000;
    expect((await runOncePerPeriod(two, 'daily', 3_600_000, async () => 1, { now, owner: 'b' })).ran).toBe(true);
  });

  it('lets another instance try at once when the run failed', async () => {
    const now = () => new Date('2026-12-01T05:00:00Z');
    await expect(runOncePerPeriod(one, 'fragile', 3_600_000, async () => Promise.reject(new Error('database away')), { now, owner: 'a' })).rejects.toThrow('database away');
    expect((await runOncePerPeriod(two, 'fragile', 3_600_000, async () => 2, { now, owner: 'b' })).ran).toBe(true);
  });
});
