import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PostgresConversationLock } from '../../bot/data/conversationLock.ts';
import { freshDatabase, onPostgres } from '../support/db.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The turn lock as two instances see it: two locks (two pools) on one database.
describe.skipIf(!onPostgres)('PostgreSQL turn lock (one turn of a conversation at a time across instances)', () => {
  let url: string;
  let one: PostgresConversationLock;
  let two: PostgresConversationLock;
  beforeEach(async () => {
    const fresh = await freshDatabase();
    url = fresh.url;
    await fresh.db.$disconnect();
    one = new PostgresConversationLock(url, 2);
    two = new PostgresConversationLock(url, 2);
  });
  afterEach(async () => {
    await Promise.all([one.close(), two.close()].map((p) => p.catch(() => undefined)));
  });

  it('makes a turn on another instance wait until the running one has finished, and lets other conversations run meanwhile', async () => {
    const events: string[] = [];
    const turn = (lock: PostgresConversationLock, conversation: string, name: string, ms: number) =>
      lock.run(conversation, async () => {
        events.push(`${name} start`);
        await pause(ms);
        events.push(`${name} end`);
        return name;
      });
    const first = turn(one, 'c1', 'a', 300);
    await pause(50);
    const second = turn(two, 'c1', 'b', 10);
    const other = turn(two, 'c2', 'x', 10);
    expect(await Promise.all([first, second, other])).toEqual(['a', 'b', 'x']);
    expect(events.indexOf('b start')).toBeGreaterThan(events.indexOf('a end'));
    expect(events.indexOf('x end')).toBeLessThan(events.indexOf('a end'));
  });

  it('frees the lock after a turn that failed', async () => {
    await expect(one.run('c3', async () => Promise.reject(new Error('turn failed')))).rejects.toThrow('turn failed');
    const started = Date.now();
    expect(await two.run('c3', async () => 'next')).toBe('next');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('closes right after a turn (its unlock still on the way) and leaves the conversation free', async () => {
    await one.run('c4', async () => undefined);
    await one.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ got: boolean }>("SELECT pg_try_advisory_lock(hashtext('wachtwijzer:turn'), hashtext('c4')) AS got");
      expect(rows[0]?.got).toBe(true);
    } finally {
      await client.end();
    }
  });
});
