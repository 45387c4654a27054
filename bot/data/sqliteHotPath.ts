import type { Statement } from 'better-sqlite3';
import { sqliteConnection, type Db, type SqliteConnection } from './db.ts';
import { activityId, type HotPath } from './hotPath.ts';

/** How stale a conversation's lastActivityAt may be before an append moves it on (retention counts days). */
export const lastActivityStepMs = 5 * 60_000;

// Prisma stores DateTime in SQLite as ISO 8601 text with "+00:00"; write and read the same.
const sqliteTime = (d: Date) => d.toISOString().replace('Z', '+00:00');

interface Statements {
  token: Statement<[string], { tenantId: string; conversationId: string; expiresAt: string; revokedAt: string | null }>;
  conversation: Statement<[string], { id: string; tenantId: string; locale: string; started: number; userId: string | null }>;
  reserve: Statement<[number, string], { nextSeq: number; lastActivityAt: string }>;
  touch: Statement<[string, string]>;
  inserts: Map<number, Statement<unknown[]>>;
  prepare: <T extends Statement<never, never>>(sql: string) => T;
  since: Statement<[string, number, number], { seq: number; json: string }>;
  state: Statement<[string], { key: string; data: string; eTag: string }>;
  stateExists: Statement<[string], { key: string }>;
  updateState: Statement<[string, string, string, string, string]>;
  insertState: Statement<[string, string, string, string]>;
  upsertState: Statement<[string, string, string, string]>;
}

/**
 * The HotPath on SQLite (see bot/data/hotPath.ts): prepared once on Prisma's own better-sqlite3
 * connection, so a statement of ours never waits on a lock Prisma holds in the same process.
 */
export class SqliteHotPath implements HotPath {
  private connection: SqliteConnection | null = null;
  private statements: Statements | null = null;

  constructor(private readonly db: Db) {}

  private async ready(): Promise<{ c: SqliteConnection; s: Statements }> {
    const c = await sqliteConnection(this.db);
    if (!c) throw new Error('SqliteHotPath needs a database made by createDb');
    if (c !== this.connection || !this.statements) {
      this.connection = c;
      this.statements = prepare(c);
    }
    return { c, s: this.statements };
  }

  async findToken(hash: string) {
    const { s } = await this.ready();
    const row = s.token.get(hash);
    return row ? { tenantId: row.tenantId, conversationId: row.conversationId, expiresAt: new Date(row.expiresAt), revoked: row.revokedAt !== null } : null;
  }

  async findConversation(id: string) {
    const { s } = await this.ready();
    const row = s.conversation.get(id);
    return row ? { id: row.id, tenantId: row.tenantId, locale: row.locale, started: row.started === 1, userId: row.userId } : null;
  }

  async appendActivities(conversationId: string, fromRole: string, activities: readonly object[]) {
    const { c, s } = await this.ready();
    const now = sqliteTime(new Date());
    // IMMEDIATE takes the write lock first, so two instances never both read the same nextSeq.
    return c.transaction(() => {
      const reserved = s.reserve.get(activities.length, conversationId);
      if (!reserved) throw new Error(`No conversation ${conversationId} to append to`);
      // lastActivityAt only serves the retention, which counts days: it is moved on once it is a
      // few minutes old, so that most appends do not also rewrite its index (fewer pages a commit).
      if (reserved.lastActivityAt < sqliteTime(new Date(Date.now() - lastActivityStepMs))) s.touch.run(now, conversationId);
      const first = reserved.nextSeq - activities.length;
      let insert = s.inserts.get(activities.length);
      if (!insert) {
        insert = s.prepare(`INSERT INTO "DirectLineActivity" ("id", "conversationId", "seq", "fromRole", "json", "createdAt") VALUES ${activities.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`);
        if (s.inserts.size < 32) s.inserts.set(activities.length, insert);
      }
      insert.run(activities.flatMap((activity, i) => {
        const id = activityId(conversationId, first + i);
        return [id, conversationId, first + i, fromRole, JSON.stringify({ ...activity, id }), now];
      }));
      return first;
    }).immediate();
  }

  async activitiesSince(conversationId: string, watermark: number, limit: number) {
    const { s } = await this.ready();
    return s.since.all(conversationId, watermark, limit);
  }

  async readState(keys: string[]) {
    const { s } = await this.ready();
    const rows: { key: string; data: string; eTag: string }[] = [];
    for (const key of keys) {
      const row = s.state.get(key);
      if (row) rows.push(row);
    }
    return rows;
  }

  async updateStateIf(key: string, eTag: string, data: string, next: string) {
    const { s } = await this.ready();
    if (s.updateState.run(data, next, sqliteTime(new Date()), key, eTag).changes === 1) return 'updated' as const;
    return s.stateExists.get(key) ? ('conflict' as const) : ('missing' as const);
  }

  async insertState(key: string, data: string, eTag: string) {
    const { s } = await this.ready();
    return s.insertState.run(key, eTag, data, sqliteTime(new Date())).changes === 1;
  }

  async upsertState(key: string, data: string, eTag: string) {
    const { s } = await this.ready();
    s.upsertState.run(key, eTag, data, sqliteTime(new Date()));
  }

  async close() {
    // Prisma's connection: Prisma closes it.
  }
}

function prepare(c: SqliteConnection): Statements {
  // The connection's own prepare (its instance one is db.ts's cache for Prisma); numbers as
  // numbers, where the connection's default (Prisma's) is BigInt.
  const own = Object.getPrototypeOf(c) as SqliteConnection;
  const p = <T extends Statement<never, never>>(sql: string) => (own.prepare.call(c, sql) as Statement).safeIntegers(false) as unknown as T;
  return {
    token: p('SELECT "tenantId", "conversationId", "expiresAt", "revokedAt" FROM "DirectLineToken" WHERE "hash" = ?'),
    conversation: p('SELECT "id", "tenantId", "locale", "started", "userId" FROM "Conversation" WHERE "id" = ?'),
    reserve: p('UPDATE "Conversation" SET "nextSeq" = "nextSeq" + ? WHERE "id" = ? RETURNING "nextSeq", "lastActivityAt"'),
    touch: p('UPDATE "Conversation" SET "lastActivityAt" = ? WHERE "id" = ?'),
    inserts: new Map(),
    prepare: p,
    since: p('SELECT "seq", "json" FROM "DirectLineActivity" WHERE "conversationId" = ? AND "seq" > ? ORDER BY "seq" ASC LIMIT ?'),
    state: p('SELECT "key", "data", "eTag" FROM "StateItem" WHERE "key" = ?'),
    stateExists: p('SELECT "key" FROM "StateItem" WHERE "key" = ?'),
    updateState: p('UPDATE "StateItem" SET "data" = ?, "eTag" = ?, "updatedAt" = ? WHERE "key" = ? AND "eTag" = ?'),
    insertState: p('INSERT INTO "StateItem" ("key", "eTag", "data", "updatedAt") VALUES (?, ?, ?, ?) ON CONFLICT ("key") DO NOTHING'),
    upsertState: p('INSERT INTO "StateItem" ("key", "eTag", "data", "updatedAt") VALUES (?, ?, ?, ?) ON CONFLICT ("key") DO UPDATE SET "eTag" = excluded."eTag", "data" = excluded."data", "updatedAt" = excluded."updatedAt"'),
  };
}
