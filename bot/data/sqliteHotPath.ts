import type { Statement } from 'better-sqlite3';
import { sqliteConnection, type Db, type SqliteConnection } from './db.ts';

/**
 * The few statements every Direct Line turn runs, several times a turn: the token and the
 * conversation of a request, the SDK's state, appending and reading activities. Prisma builds and
 * interprets each query anew (most of a turn's CPU went there); these are prepared once on
 * Prisma's own better-sqlite3 connection. Prisma stays the schema, the migrations and every other
 * query. The repositories (DirectLineStore, PrismaStorage) keep their interfaces and use a
 * HotPath when there is one: another database gets its own implementation of this interface, or
 * none and the repositories use Prisma.
 */
export interface HotPath {
  findToken(hash: string): Promise<{ tenantId: string; conversationId: string; expiresAt: Date; revoked: boolean } | null>;
  findConversation(id: string): Promise<{ id: string; tenantId: string; locale: string; started: boolean; userId: string | null } | null>;
  /** Reserves `count` sequence numbers and inserts the rows it is then given, in one transaction. */
  appendActivities(conversationId: string, count: number, rows: (first: number) => { id: string; seq: number; fromRole: string; json: string }[]): Promise<void>;
  activitiesSince(conversationId: string, watermark: number, limit: number): Promise<{ seq: number; json: string }[]>;
  readState(keys: string[]): Promise<{ key: string; data: string; eTag: string }[]>;
  /** Writes when the stored eTag is still `eTag`: 'updated', 'missing' (no such key) or 'conflict'. */
  updateStateIf(key: string, eTag: string, data: string, next: string): Promise<'updated' | 'missing' | 'conflict'>;
  /** Inserts, or answers false when the key exists already (another writer was first). */
  insertState(key: string, data: string, eTag: string): Promise<boolean>;
  upsertState(key: string, data: string, eTag: string): Promise<void>;
}

// Prisma stores DateTime in SQLite as ISO 8601 text with "+00:00"; write and read the same.
const sqliteTime = (d: Date) => d.toISOString().replace('Z', '+00:00');

interface Statements {
  token: Statement<[string], { tenantId: string; conversationId: string; expiresAt: string; revokedAt: string | null }>;
  conversation: Statement<[string], { id: string; tenantId: string; locale: string; started: number; userId: string | null }>;
  reserve: Statement<[number, string, string], { nextSeq: number }>;
  inserts: Map<number, Statement<unknown[]>>;
  prepare: <T extends Statement<never, never>>(sql: string) => T;
  since: Statement<[string, number, number], { seq: number; json: string }>;
  state: Statement<[string], { key: string; data: string; eTag: string }>;
  stateExists: Statement<[string], { key: string }>;
  updateState: Statement<[string, string, string, string, string]>;
  insertState: Statement<[string, string, string, string]>;
  upsertState: Statement<[string, string, string, string]>;
}

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

  async appendActivities(conversationId: string, count: number, rows: (first: number) => { id: string; seq: number; fromRole: string; json: string }[]) {
    const { c, s } = await this.ready();
    const now = sqliteTime(new Date());
    // IMMEDIATE takes the write lock first, so two instances never both read the same nextSeq.
    c.transaction(() => {
      const reserved = s.reserve.get(count, now, conversationId);
      if (!reserved) throw new Error(`No conversation ${conversationId} to append to`);
      const list = rows(reserved.nextSeq - count);
      let insert = s.inserts.get(list.length);
      if (!insert) {
        insert = s.prepare(`INSERT INTO "DirectLineActivity" ("id", "conversationId", "seq", "fromRole", "json", "createdAt") VALUES ${list.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`);
        if (s.inserts.size < 32) s.inserts.set(list.length, insert);
      }
      insert.run(list.flatMap((r) => [r.id, conversationId, r.seq, r.fromRole, r.json, now]));
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
}

function prepare(c: SqliteConnection): Statements {
  // The connection's own prepare (its instance one is db.ts's cache for Prisma); numbers as
  // numbers, where the connection's default (Prisma's) is BigInt.
  const own = Object.getPrototypeOf(c) as SqliteConnection;
  const p = <T extends Statement<never, never>>(sql: string) => (own.prepare.call(c, sql) as Statement).safeIntegers(false) as unknown as T;
  return {
    token: p('SELECT "tenantId", "conversationId", "expiresAt", "revokedAt" FROM "DirectLineToken" WHERE "hash" = ?'),
    conversation: p('SELECT "id", "tenantId", "locale", "started", "userId" FROM "Conversation" WHERE "id" = ?'),
    reserve: p('UPDATE "Conversation" SET "nextSeq" = "nextSeq" + ?, "lastActivityAt" = ? WHERE "id" = ? RETURNING "nextSeq"'),
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
