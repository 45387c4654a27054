/**
 * The few statements every Direct Line turn runs, several times a turn: the token and the
 * conversation of a request, the SDK's state, appending and reading activities. Prisma builds and
 * interprets each query anew (most of a turn's CPU went there); a HotPath prepares them once per
 * connection: SQLite on Prisma's own better-sqlite3 connection (bot/data/sqliteHotPath.ts),
 * PostgreSQL on a small pg pool of its own with named prepared statements
 * (bot/data/postgresHotPath.ts). Prisma stays the schema, the migrations and every other query.
 * The repositories (DirectLineStore, PrismaStorage) keep their interfaces and use a HotPath when
 * there is one, else Prisma.
 */
export interface HotPath {
  findToken(hash: string): Promise<{ tenantId: string; conversationId: string; expiresAt: Date; revoked: boolean } | null>;
  findConversation(id: string): Promise<{ id: string; tenantId: string; locale: string; started: boolean; userId: string | null } | null>;
  /**
   * Reserves one sequence number per activity and inserts them, each stored as its JSON with the id
   * `activityId(conversationId, seq)` (an id the activity brings is replaced), in one transaction:
   * concurrent writers, also on other instances, never share a number. Answers the first number;
   * throws when there is no such conversation.
   */
  appendActivities(conversationId: string, fromRole: string, activities: readonly object[]): Promise<number>;
  activitiesSince(conversationId: string, watermark: number, limit: number): Promise<{ seq: number; json: string }[]>;
  readState(keys: string[]): Promise<{ key: string; data: string; eTag: string }[]>;
  /** Writes when the stored eTag is still `eTag`: 'updated', 'missing' (no such key) or 'conflict'. */
  updateStateIf(key: string, eTag: string, data: string, next: string): Promise<'updated' | 'missing' | 'conflict'>;
  /** Inserts, or answers false when the key exists already (another writer was first). */
  insertState(key: string, data: string, eTag: string): Promise<boolean>;
  upsertState(key: string, data: string, eTag: string): Promise<void>;
  /** Ends what the hot path opened itself (PostgreSQL: its pool); SQLite shares Prisma's connection. */
  close(): Promise<void>;
}

/** The id a client sees for activity `seq` of a conversation: "<conversation id>|<seq, at least 7 digits>". */
export const activityId = (conversationId: string, seq: number): string => `${conversationId}|${String(seq).padStart(7, '0')}`;
