import type { Activity } from '@microsoft/agents-activity';
import type { Db } from './db.ts';
import { activityId, type HotPath } from './hotPath.ts';

export interface StoredConversation {
  id: string;
  tenantId: string;
  locale: string;
  started: boolean;
  /** The Direct Line user id bound to the conversation, once known. */
  userId: string | null;
}

export interface TokenRecord {
  tenantId: string;
  conversationId: string;
  expiresAt: Date;
  revoked: boolean;
}

/** Direct Line conversations, their ordered activities and their tokens, all in the database. */
export class DirectLineStore {
  // A conversation's id, tenant and locale never change after creation, so they may be remembered.
  private readonly known = new Map<string, StoredConversation>();
  // Every request checks its token; a short memory saves a query per request. Expiry is still
  // checked on every use (it is in the record); a revocation on another instance shows within
  // tokenMemoryMs, on this instance at once.
  private readonly tokens = new Map<string, { at: number; record: TokenRecord }>();
  private readonly tokenMemoryMs = 30_000;

  /** `hot`: prepared statements for the per-turn queries (bot/data/hotPath.ts); without it, Prisma. */
  constructor(
    private readonly db: Db,
    private readonly hot?: HotPath,
  ) {}

  async createConversation(input: { id: string; tenantId: string; locale: string; userId?: string }): Promise<StoredConversation> {
    const row = await this.db.conversation.create({ data: { id: input.id, tenantId: input.tenantId, channel: 'directline', locale: input.locale, userId: input.userId ?? null } });
    return { id: row.id, tenantId: row.tenantId, locale: row.locale, started: row.started, userId: row.userId };
  }

  async findConversation(id: string): Promise<StoredConversation | null> {
    const cached = this.known.get(id);
    if (cached?.started && cached.userId) return cached;
    const row = this.hot ? await this.hot.findConversation(id) : await this.db.conversation.findUnique({ where: { id } });
    if (!row) return null;
    const found = { id: row.id, tenantId: row.tenantId, locale: row.locale, started: row.started, userId: row.userId };
    // Remembered once nothing about it can change any more (started, user bound).
    if (found.started && found.userId) {
      if (this.known.size > 10_000) this.known.clear();
      this.known.set(id, found);
    }
    return found;
  }

  /** Marks the conversation started; true only for the caller that flipped it (the welcome runs once). */
  async markStarted(id: string): Promise<boolean> {
    const updated = await this.db.conversation.updateMany({ where: { id, started: false }, data: { started: true } });
    return updated.count === 1;
  }

  /**
   * Binds the conversation to a user id unless it already has one (first claim wins, also across
   * instances); answers the id it is bound to now.
   */
  async bindUser(id: string, userId: string): Promise<string | null> {
    await this.db.conversation.updateMany({ where: { id, userId: null }, data: { userId } });
    this.known.delete(id);
    return (await this.findConversation(id))?.userId ?? null;
  }

  async saveToken(hash: string, record: Omit<TokenRecord, 'revoked'>): Promise<void> {
    await this.db.directLineToken.create({ data: { hash, ...record } });
  }

  async findToken(hash: string): Promise<TokenRecord | null> {
    const hit = this.tokens.get(hash);
    if (hit && Date.now() - hit.at < this.tokenMemoryMs) return hit.record;
    const record = this.hot ? await this.hot.findToken(hash) : await this.db.directLineToken.findUnique({ where: { hash } }).then((row) => (row ? { tenantId: row.tenantId, conversationId: row.conversationId, expiresAt: row.expiresAt, revoked: row.revokedAt !== null } : null));
    if (!record) return null;
    if (this.tokens.size > 50_000) this.tokens.clear();
    this.tokens.set(hash, { at: Date.now(), record });
    return record;
  }

  /**
   * Appends activities in order. Sequence numbers are reserved with one atomic increment, so
   * concurrent writers (even on other instances) never share a number; no interactive
   * transaction is held open (a crash between the two statements leaves only a gap, which
   * watermarks skip).
   */
  async append(conversationId: string, fromRole: 'user' | 'bot', activities: Partial<Activity>[]): Promise<Partial<Activity>[]> {
    if (activities.length === 0) return [];
    if (this.hot) {
      // One transaction (on PostgreSQL one statement): reserve the numbers and insert every activity of the turn.
      const first = await this.hot.appendActivities(conversationId, fromRole, activities);
      return activities.map((activity, i) => ({ ...activity, id: activityId(conversationId, first + i) }));
    }
    const conv = await this.db.conversation.update({
      where: { id: conversationId },
      data: { nextSeq: { increment: activities.length }, lastActivityAt: new Date() },
      select: { nextSeq: true },
    });
    const first = conv.nextSeq - activities.length;
    const stored = activities.map((activity, i) => ({ ...activity, id: activityId(conversationId, first + i) }));
    await this.db.directLineActivity.createMany({
      data: stored.map((activity, i) => ({ id: activity.id, conversationId, seq: first + i, fromRole, json: JSON.stringify(activity) })),
    });
    return stored;
  }

  private async rowsSince(conversationId: string, watermark: number, limit: number): Promise<{ seq: number; json: string }[]> {
    return this.hot ? await this.hot.activitiesSince(conversationId, watermark, limit) : await this.db.directLineActivity.findMany({
      where: { conversationId, seq: { gt: watermark } },
      orderBy: { seq: 'asc' },
      take: limit,
      select: { seq: true, json: true },
    });
  }

  /** Activities after the watermark, oldest first, and the new watermark. */
  async since(conversationId: string, watermark: number, limit = 500): Promise<{ activities: Partial<Activity>[]; watermark: number }> {
    const rows = await this.rowsSince(conversationId, watermark, limit);
    const last = rows.at(-1);
    return { activities: rows.map((r) => JSON.parse(r.json) as Partial<Activity>), watermark: last ? last.seq : watermark };
  }

  /**
   * The same page as Direct Line's JSON body (`{"activities": [...], "watermark": "n"}`). The
   * activities were stored as JSON text, so they are spliced in as they are: every poll of every
   * client would otherwise parse and serialize them again.
   */
  async sinceAsJson(conversationId: string, watermark: number, limit = 500): Promise<{ count: number; watermark: number; json: string }> {
    const rows = await this.rowsSince(conversationId, watermark, limit);
    const next = rows.at(-1)?.seq ?? watermark;
    return { count: rows.length, watermark: next, json: `{"activities":[${rows.map((r) => r.json).join(',')}],"watermark":"${next}"}` };
  }

  /**
   * Erases everything a conversation said (the patient's right to removal). The conversation, its
   * sequence numbers and its tokens stay: the same client goes on reading the confirmation and
   * talking (contract), and no watermark serves an erased activity again.
   */
  async eraseActivities(id: string): Promise<void> {
    await this.db.directLineActivity.deleteMany({ where: { conversationId: id } });
  }
}
