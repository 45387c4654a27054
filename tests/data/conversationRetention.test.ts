import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../bot/data/db.ts';
import { purgeInactiveConversations } from '../../bot/data/conversationRetention.ts';
import { DirectLineStore } from '../../bot/data/directLineStore.ts';
import { freshDatabase } from '../support/db.ts';

describe('conversation retention', () => {
  let db: Db;
  beforeEach(async () => {
    ({ db } = await freshDatabase());
  });
  afterEach(async () => db.$disconnect());

  it('deletes conversations (activities, state, tokens) idle longer than the retention period and keeps recent ones', async () => {
    const store = new DirectLineStore(db);
    const now = new Date('2026-11-24T12:00:00Z');
    for (const [id, daysAgo] of [['old', 45], ['recent', 3]] as const) {
      await store.createConversation({ id, tenantId: 'demo-verzekeraar', locale: 'nl' });
      await store.append(id, 'user', [{ type: 'message', text: 'Ik wacht op mijn knie' } as never]);
      await store.saveToken(`hash-${id}`, { tenantId: 'demo-verzekeraar', conversationId: id, expiresAt: new Date(now.getTime() + 60_000) });
      const at = new Date(now.getTime() - daysAgo * 86_400_000);
      await db.conversation.update({ where: { id }, data: { lastActivityAt: at } });
      await db.stateItem.create({ data: { key: `directline/wachtwijzer/conversations/${id}`, eTag: '1', data: '{}' } });
      await db.stateItem.update({ where: { key: `directline/wachtwijzer/conversations/${id}` }, data: { updatedAt: at } });
    }
    const purged = await purgeInactiveConversations(db, now, 30);
    expect(purged).toMatchObject({ conversations: 1, states: 1 });
    expect(await db.conversation.findMany({ select: { id: true } })).toEqual([{ id: 'recent' }]);
    expect(await db.directLineActivity.count({ where: { conversationId: 'old' } })).toBe(0);
    expect(await db.directLineActivity.count({ where: { conversationId: 'recent' } })).toBe(1);
    expect(await db.directLineToken.count({ where: { conversationId: 'old' } })).toBe(0);
    expect(await db.stateItem.count()).toBe(1);
  });
});
