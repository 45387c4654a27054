import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
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

const kinds = new WeakMap<object, DatabaseKind>();

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
    const adapter = new PrismaBetterSqlite3({ url: sqliteFilePath(databaseUrl), timeout: 5000 });
    db = new PrismaClient({ adapter });
  }
  kinds.set(db, kind);
  return db;
}

/** Which database a client talks to (for the few statements that differ between them). */
export function kindOf(db: Db): DatabaseKind {
  return kinds.get(db) ?? 'sqlite';
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
