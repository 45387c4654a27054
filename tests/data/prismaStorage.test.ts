import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PrismaStorage, StateConflictError } from '../../bot/data/prismaStorage.ts';
import type { Db } from '../../bot/data/db.ts';
import type { HotPath } from '../../bot/data/hotPath.ts';
import { databasePaths, freshDatabase, hotPathFor } from '../support/db.ts';

describe.each(databasePaths)('PrismaStorage (the Agents SDK Storage on the database), %s', (_label, hotKind) => {
  let db: Db;
  let hot: HotPath | undefined;
  let storage: PrismaStorage;
  beforeEach(async () => {
    let url: string;
    ({ url, db } = await freshDatabase());
    hot = hotPathFor(hotKind, db, url);
    storage = new PrismaStorage(db, hot);
  });
  afterEach(async () => {
    await hot?.close();
    await db.$disconnect();
  });

  it('reads back what it wrote, with an eTag, and nothing for unknown keys', async () => {
    await storage.write({ a: { count: 1 } });
    const items = await storage.read(['a', 'missing']);
    expect(items.a).toMatchObject({ count: 1 });
    expect(typeof items.a.eTag).toBe('string');
    expect(items.missing).toBeUndefined();
  });

  it('accepts a write with the current eTag and rejects one with a stale eTag', async () => {
    await storage.write({ a: { count: 1 } });
    const first = (await storage.read(['a'])).a;
    await storage.write({ a: { ...first, count: 2 } });
    await expect(storage.write({ a: { ...first, count: 3 } })).rejects.toBeInstanceOf(StateConflictError);
    expect((await storage.read(['a'])).a.count).toBe(2);
  });

  it('lets "*" overwrite regardless, and deletes', async () => {
    await storage.write({ a: { count: 1 } });
    await storage.write({ a: { count: 5, eTag: '*' } });
    expect((await storage.read(['a'])).a.count).toBe(5);
    await storage.delete(['a']);
    expect(await storage.read(['a'])).toEqual({});
  });

  it('lets exactly one of two concurrent writers with the same eTag win', async () => {
    await storage.write({ a: { count: 1 } });
    const seen = (await storage.read(['a'])).a;
    const results = await Promise.allSettled([storage.write({ a: { ...seen, count: 2 } }), storage.write({ a: { ...seen, count: 3 } })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('creates an item written with an eTag that is not stored yet, and refuses a second such create', async () => {
    await storage.write({ b: { count: 1, eTag: 'from-a-read-that-found-nothing' } });
    expect((await storage.read(['b'])).b.count).toBe(1);
    await expect(storage.write({ b: { count: 2, eTag: 'from-a-read-that-found-nothing' } })).rejects.toBeInstanceOf(StateConflictError);
  });
});
