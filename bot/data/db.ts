import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type BetterSqlite3 from 'better-sqlite3';
import { PrismaClient } from '../../generated/prisma/client.ts';
import { PrismaClient as PgPrismaClient } from '../../generated/prisma-pg/client.ts';
import { databaseKind, sqliteFilePath, type DatabaseKind } from './databaseUrl.ts';

/**
 * The Prisma client. Both providers are generated from one schema (prisma/schema.prisma; the
 * PostgreSQL copy differs only in its provider line), so their model APIs are the same and the
 * SQLite client's type stands for both.
 */
export type Db = PrismaClient;
export type { Prisma } from '../../generated/prisma/client.ts';
export type SqliteConnection = BetterSqlite3.Database;

const kinds = new WeakMap<object, DatabaseKind>();
// The better-sqlite3 connection behind each SQLite client, once Prisma has opened it.
const connections = new WeakMap<Db, { current: SqliteConnection | null }>();

/** Opens the database named by DATABASE_URL (SQLite file or PostgreSQL); the only place a PrismaClient is made. */
export function createDb(databaseUrl: string, options: { poolSize?: number } = {}): Db {
  const kind = databaseKind(databaseUrl);
  let db: Db;
  if (kind === 'postgresql') {
    // A small pool per instance: several instances share one server's max_connections.
    const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.poolSize ?? 10 });
    db = new PgPrismaClient({ adapter }) as unknown as Db;
  } else {
    // WAL lets readers (polling clients) go on while a turn writes; busy_timeout rides out short locks.
    const factory = new PrismaBetterSqlite3({ url: sqliteFilePath(databaseUrl), timeout: 5000 });
    const holder: { current: SqliteConnection | null } = { current: null };
    const adapter: SqlDriverAdapterFactory = {
      provider: factory.provider,
      adapterName: factory.adapterName,
      async connect(): Promise<SqlDriverAdapter> {
        const connected = await factory.connect();
        const client = (connected as unknown as { client: SqliteConnection }).client;
        cachePreparedStatements(client);
        holder.current = client;
        return connected;
      },
    };
    db = new PrismaClient({ adapter });
    connections.set(db, holder);
  }
  kinds.set(db, kind);
  return db;
}

/** Which database a client talks to (for the few statements that differ between them). */
export function kindOf(db: Db): DatabaseKind {
  return kinds.get(db) ?? 'sqlite';
}

/** Whether the client is on SQLite through createDb (so the hot path can share its connection). */
export const hasSqliteConnection = (db: Db): boolean => connections.has(db);

/**
 * The better-sqlite3 connection Prisma uses, for the few hottest statements (bot/data/sqliteHotPath.ts).
 * One connection for both: a statement of ours can never wait on a lock held by Prisma in the
 * same process (better-sqlite3 waits synchronously, which would stall the event loop).
 */
export async function sqliteConnection(db: Db): Promise<SqliteConnection | null> {
  const holder = connections.get(db);
  if (!holder) return null;
  if (!holder.current) await db.$connect();
  return holder.current;
}

/**
 * Prisma's SQLite adapter prepares every statement anew (SQLite parses and plans it each time).
 * The same SQL text is the same statement, so keep it: better-sqlite3 is synchronous, a statement
 * is used to the end before the next use. bind() on a kept statement would bind it for good, so
 * the arguments are kept beside it and passed on each run instead.
 */
function cachePreparedStatements(client: SqliteConnection): void {
  const prepare = client.prepare.bind(client);
  const kept = new Map<string, BetterSqlite3.Statement>();
  const maxKept = 500;
  const reusable = (statement: BetterSqlite3.Statement, args: unknown[]) => ({
    get reader() {
      return statement.reader;
    },
    bind: (next: unknown[]) => reusable(statement, next),
    run: () => statement.run(args),
    columns: () => statement.columns(),
    raw: () => ({ all: () => statement.raw(true).all(args) }),
    all: () => statement.raw(false).all(args),
    get: () => statement.raw(false).get(args),
  });
  client.prepare = ((sql: string) => {
    let statement = kept.get(sql);
    if (!statement) {
      statement = prepare(sql);
      // IN lists make many texts of one query; a bounded memory is enough for the hot ones.
      if (kept.size >= maxKept) kept.clear();
      kept.set(sql, statement);
    }
    return reusable(statement, []);
  }) as unknown as SqliteConnection['prepare'];
}

/** Settings that make SQLite behave under concurrent turns and polls; PostgreSQL needs none. */
export async function tuneSqlite(db: Db): Promise<void> {
  if (kindOf(db) !== 'sqlite') return;
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await db.$queryRawUnsafe('PRAGMA synchronous = NORMAL');
  await db.$queryRawUnsafe('PRAGMA foreign_keys = ON');
  // Deleted rows are overwritten with zeros, so erased patient data is not left in free pages.
  await db.$queryRawUnsafe('PRAGMA secure_delete = ON');
}

/**
 * After an erasure: copies the WAL into the database file and truncates it, so the erased rows'
 * old page images are not left in the WAL either. Best effort: a busy reader postpones it to the
 * next automatic checkpoint, and the erasure itself has already committed.
 */
export async function checkpointAfterErasure(db: Db): Promise<void> {
  if (kindOf(db) !== 'sqlite') return;
  await db.$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)');
}
