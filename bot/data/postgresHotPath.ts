import pg from 'pg';
import type { HotPath } from './hotPath.ts';

/**
 * The HotPath on PostgreSQL (see bot/data/hotPath.ts), on a small pg pool of its own with named
 * prepared statements: each connection parses and plans a statement once, and a turn's queries no
 * longer go through Prisma's query compiler. The columns are Prisma's (prisma/migrations-postgresql):
 * DateTime is `timestamp(3)` without time zone holding UTC, as Prisma writes and reads it.
 */
export interface PostgresHotPathOptions {
  /** Connections of this pool (each instance has its own; they share the server's max_connections). */
  size?: number;
  /**
   * Announce every append to the other instances in the append statement itself (pg_notify on
   * `channel` with `payload(conversationId)`): PostgreSQL delivers it when the rows are committed,
   * never before, and a turn saves the separate notify query (bot/data/postgresNotifier.ts).
   */
  notice?: { channel: string; payload: (conversationId: string) => string };
}

// timestamp without time zone (OID 1114) holds UTC here; pg would read it as local time.
const timestampOid = 1114;
const types = new pg.TypeOverrides();
types.setTypeParser(timestampOid, (text: string) => new Date(`${text.replace(' ', 'T')}Z`));

// A Date as timestamp(3) text in UTC; PostgreSQL ignores the "Z" for a timestamp without time zone.
const utc = (d: Date) => d.toISOString();

// The activities' JSON comes without an id; the statement numbers them and puts the id first.
const appendSql = (notice: boolean) => `
WITH r AS (
  UPDATE "Conversation" SET "nextSeq" = "nextSeq" + cardinality($3::text[]), "lastActivityAt" = $4::timestamp(3)
  WHERE "id" = $1::text
  RETURNING "nextSeq" - cardinality($3::text[]) AS first
), a AS (
  SELECT s.seq, $1::text || '|' || lpad(s.seq::text, greatest(7, length(s.seq::text)), '0') AS id, b.body
  FROM r, unnest($3::text[]) WITH ORDINALITY AS b(body, n), LATERAL (SELECT r.first + (b.n - 1)::int AS seq) s
), ins AS (
  INSERT INTO "DirectLineActivity" ("id", "conversationId", "seq", "fromRole", "json", "createdAt")
  SELECT a.id, $1::text, a.seq, $2::text, '{"id":' || to_json(a.id)::text || CASE WHEN a.body = '{}' THEN '}' ELSE ',' || substr(a.body, 2) END, $4::timestamp(3)
  FROM a
)
SELECT r.first${notice ? ', pg_notify($5::text, $6::text) AS notified' : ''} FROM r`;

const sql = {
  token: 'SELECT "tenantId", "conversationId", "expiresAt", "revokedAt" IS NOT NULL AS "revoked" FROM "DirectLineToken" WHERE "hash" = $1::text',
  conversation: 'SELECT "id", "tenantId", "locale", "started", "userId" FROM "Conversation" WHERE "id" = $1::text',
  append: appendSql(false),
  appendNotify: appendSql(true),
  since: 'SELECT "seq", "json" FROM "DirectLineActivity" WHERE "conversationId" = $1::text AND "seq" > $2::int ORDER BY "seq" ASC LIMIT $3::int',
  state: 'SELECT "key", "data", "eTag" FROM "StateItem" WHERE "key" = ANY($1::text[])',
  // One round trip also for a refusal: `present` is read from the statement's snapshot (before the update).
  updateState: `WITH u AS (UPDATE "StateItem" SET "data" = $3::text, "eTag" = $4::text, "updatedAt" = $5::timestamp(3) WHERE "key" = $1::text AND "eTag" = $2::text RETURNING 1)
SELECT EXISTS (SELECT 1 FROM u) AS "updated", EXISTS (SELECT 1 FROM "StateItem" WHERE "key" = $1::text) AS "present"`,
  insertState: 'INSERT INTO "StateItem" ("key", "eTag", "data", "updatedAt") VALUES ($1::text, $2::text, $3::text, $4::timestamp(3)) ON CONFLICT ("key") DO NOTHING',
  upsertState: 'INSERT INTO "StateItem" ("key", "eTag", "data", "updatedAt") VALUES ($1::text, $2::text, $3::text, $4::timestamp(3)) ON CONFLICT ("key") DO UPDATE SET "eTag" = EXCLUDED."eTag", "data" = EXCLUDED."data", "updatedAt" = EXCLUDED."updatedAt"',
} as const;
type Name = keyof typeof sql;

export class PostgresHotPath implements HotPath {
  private readonly pool: pg.Pool;
  private readonly notice: PostgresHotPathOptions['notice'];

  constructor(databaseUrl: string, options: PostgresHotPathOptions = {}) {
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: options.size ?? 4, types });
    this.pool.on('error', () => undefined); // an idle client's error: the pool drops it and makes another
    this.notice = options.notice;
  }

  private async run<R extends pg.QueryResultRow>(name: Name, values: unknown[]): Promise<pg.QueryResult<R>> {
    // The name makes pg prepare the statement once per connection and then only bind and execute it.
    return this.pool.query<R>({ name: `wachtwijzer_${name}`, text: sql[name], values });
  }

  async findToken(hash: string) {
    const { rows } = await this.run<{ tenantId: string; conversationId: string; expiresAt: Date; revoked: boolean }>('token', [hash]);
    return rows[0] ?? null;
  }

  async findConversation(id: string) {
    const { rows } = await this.run<{ id: string; tenantId: string; locale: string; started: boolean; userId: string | null }>('conversation', [id]);
    return rows[0] ?? null;
  }

  async appendActivities(conversationId: string, fromRole: string, activities: readonly object[]) {
    const bodies = activities.map((activity) => {
      const { id: _replaced, ...rest } = activity as { id?: unknown };
      return JSON.stringify(rest);
    });
    const now = utc(new Date());
    const { rows } = this.notice
      ? await this.run<{ first: number }>('appendNotify', [conversationId, fromRole, bodies, now, this.notice.channel, this.notice.payload(conversationId)])
      : await this.run<{ first: number }>('append', [conversationId, fromRole, bodies, now]);
    const first = rows[0]?.first;
    if (first === undefined) throw new Error(`No conversation ${conversationId} to append to`);
    return first;
  }

  async activitiesSince(conversationId: string, watermark: number, limit: number) {
    const { rows } = await this.run<{ seq: number; json: string }>('since', [conversationId, watermark, limit]);
    return rows;
  }

  async readState(keys: string[]) {
    const { rows } = await this.run<{ key: string; data: string; eTag: string }>('state', [keys]);
    return rows;
  }

  async updateStateIf(key: string, eTag: string, data: string, next: string) {
    const { rows } = await this.run<{ updated: boolean; present: boolean }>('updateState', [key, eTag, data, next, utc(new Date())]);
    const row = rows[0];
    if (row?.updated) return 'updated' as const;
    return row?.present ? ('conflict' as const) : ('missing' as const);
  }

  async insertState(key: string, data: string, eTag: string) {
    return (await this.run('insertState', [key, eTag, data, utc(new Date())])).rowCount === 1;
  }

  async upsertState(key: string, data: string, eTag: string) {
    await this.run('upsertState', [key, eTag, data, utc(new Date())]);
  }

  async close() {
    await this.pool.end();
  }
}
