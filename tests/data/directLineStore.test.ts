import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../bot/data/db.ts';
import { DirectLineStore } from '../../bot/data/directLineStore.ts';
import { lastActivityStepMs } from '../../bot/data/sqliteHotPath.ts';
import type { HotPath } from '../../bot/data/hotPath.ts';
import { databasePaths, freshDatabase, hotPathFor } from '../support/db.ts';

describe.each(databasePaths)('DirectLineStore (conversations, activities and tokens), %s', (_label, hotKind) => {
  let db: Db;
  let hot: HotPath | undefined;
  let store: DirectLineStore;
  beforeEach(async () => {
    let url: string;
    ({ url, db } = await freshDatabase());
    hot = hotPathFor(hotKind, db, url);
    store = new DirectLineStore(db, hot);
  });
  afterEach(async () => {
    await hot?.close();
    await db.$disconnect();
  });

  it('numbers appended activities in order and reads them back after a watermark', async () => {
    await store.createConversation({ id: 'c1', tenantId: 'demo-verzekeraar', locale: 'nl' });
    const first = await store.append('c1', 'user', [{ type: 'message', text: 'hallo' }]);
    const next = await store.append('c1', 'bot', [{ type: 'message', text: 'één' }, { type: 'message', text: 'twee' }]);
    expect(first.map((a) => a.id)).toEqual(['c1|0000001']);
    expect(next.map((a) => a.id)).toEqual(['c1|0000002', 'c1|0000003']);
    const all = await store.since('c1', 0);
    expect(all.activities.map((a) => a.text)).toEqual(['hallo', 'één', 'twee']);
    expect(all.watermark).toBe(3);
    const after = await store.since('c1', 1);
    expect(after.activities.map((a) => a.id)).toEqual(['c1|0000002', 'c1|0000003']);
    expect(await store.since('c1', 3)).toEqual({ activities: [], watermark: 3 });
    const rows = await db.directLineActivity.findMany({ where: { conversationId: 'c1' }, orderBy: { seq: 'asc' } });
    expect(rows.map((r) => [r.seq, r.fromRole])).toEqual([[1, 'user'], [2, 'bot'], [3, 'bot']]);
    expect((await db.conversation.findUnique({ where: { id: 'c1' } }))?.nextSeq).toBe(4);
  });

  it('gives a page as Direct Line JSON text that parses to the same activities and watermark', async () => {
    await store.createConversation({ id: 'cj', tenantId: 'demo-verzekeraar', locale: 'nl' });
    await store.append('cj', 'user', [{ type: 'message', text: 'Hoe lang is de wachttijd? "quotes", \\ en \u2028' }]);
    await store.append('cj', 'bot', [{ type: 'message', text: 'één' }, { type: 'message', text: 'twee', channelData: { slot: 'postcode' } }]);
    for (const from of [0, 1, 3]) {
      const page = await store.sinceAsJson('cj', from);
      const expected = await store.since('cj', from);
      expect(JSON.parse(page.json)).toEqual({ activities: expected.activities, watermark: String(expected.watermark) });
      expect(page.count).toBe(expected.activities.length);
      expect(page.watermark).toBe(expected.watermark);
    }
  });

  it('keeps lastActivityAt to within a few minutes of the last append, for the retention', async () => {
    await store.createConversation({ id: 'cl', tenantId: 'demo-verzekeraar', locale: 'nl' });
    const longAgo = new Date(Date.now() - 3 * 86_400_000);
    await db.conversation.update({ where: { id: 'cl' }, data: { lastActivityAt: longAgo } });
    await store.append('cl', 'user', [{ type: 'message', text: 'hallo' }]);
    const first = (await db.conversation.findUnique({ where: { id: 'cl' } }))!.lastActivityAt;
    expect(Date.now() - first.getTime()).toBeLessThan(60_000);
    await store.append('cl', 'bot', [{ type: 'message', text: 'dag' }]);
    const second = (await db.conversation.findUnique({ where: { id: 'cl' } }))!.lastActivityAt;
    expect(second.getTime() - first.getTime()).toBeLessThan(lastActivityStepMs + 1);
    expect(Date.now() - second.getTime()).toBeLessThan(lastActivityStepMs);
  });

  it('never gives two concurrent appends the same numbers', async () => {
    await store.createConversation({ id: 'c2', tenantId: 'demo-verzekeraar', locale: 'nl' });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.append('c2', 'user', [{ type: 'message', text: String(i) }, { type: 'message', text: `${i}b` }])));
    const ids = results.flat().map((a) => a.id);
    expect(new Set(ids).size).toBe(40);
    expect((await store.since('c2', 0)).activities).toHaveLength(40);
  });

  it('refuses to append to a conversation that does not exist', async () => {
    await expect(store.append('nope', 'user', [{ type: 'message', text: 'x' }])).rejects.toThrow();
  });

  it('finds a conversation and a token with their dates and revocation', async () => {
    await store.createConversation({ id: 'c3', tenantId: 'demo-verzekeraar', locale: 'en' });
    expect(await store.findConversation('c3')).toEqual({ id: 'c3', tenantId: 'demo-verzekeraar', locale: 'en', started: false, userId: null });
    expect(await store.findConversation('missing')).toBeNull();
    const expiresAt = new Date('2030-01-02T03:04:05.678Z');
    await store.saveToken('h1', { tenantId: 'demo-verzekeraar', conversationId: 'c3', expiresAt });
    expect(await store.findToken('h1')).toEqual({ tenantId: 'demo-verzekeraar', conversationId: 'c3', expiresAt, revoked: false });
    expect(await store.findToken('h2')).toBeNull();
  });
});
