import type { Db } from './db.ts';

/**
 * Conversations are kept only as long as they help the patient: after `days` without activity a
 * conversation's stored activities, its turn state and its tokens are deleted. A case keeps the
 * transcript the patient consented to; that copy follows the case's own retention.
 */
export async function purgeInactiveConversations(db: Db, now: Date, days: number): Promise<{ conversations: number; states: number; tokens: number }> {
  const before = new Date(now.getTime() - days * 86_400_000);
  const old = await db.conversation.findMany({ where: { lastActivityAt: { lt: before } }, select: { id: true } });
  const ids = old.map((c) => c.id);
  let conversations = 0;
  let states = 0;
  // In batches: a large first run must not hold one long write lock.
  for (let i = 0; i < ids.length; i += 200) {
    const batch = ids.slice(i, i + 200);
    const deleted = await db.conversation.deleteMany({ where: { id: { in: batch } } });
    conversations += deleted.count;
    await db.directLineToken.deleteMany({ where: { conversationId: { in: batch } } });
  }
  // Turn state of every channel (Bot Framework conversations have no Conversation row).
  states = (await db.stateItem.deleteMany({ where: { updatedAt: { lt: before } } })).count;
  // Tokens expire after at most a day; an expired one has no use left.
  const tokens = (await db.directLineToken.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 86_400_000) } } })).count;
  return { conversations, states, tokens };
}
