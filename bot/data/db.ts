import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../../generated/prisma/client.ts';
import { sqliteFilePath } from './databaseUrl.ts';

export type Db = PrismaClient;
export type { Prisma } from '../../generated/prisma/client.ts';

/** Opens the database named by a Prisma-style SQLite URL; the only place a PrismaClient is made. */
export function createDb(databaseUrl: string): Db {
  // WAL lets readers (polling clients) go on while a turn writes; busy_timeout rides out short locks.
  const adapter = new PrismaBetterSqlite3({ url: sqliteFilePath(databaseUrl), timeout: 5000 });
  return new PrismaClient({ adapter });
}

/** Settings that make SQLite behave under concurrent turns and polls. */
export async function tuneSqlite(db: Db): Promise<void> {
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await db.$queryRawUnsafe('PRAGMA synchronous = NORMAL');
  await db.$queryRawUnsafe('PRAGMA foreign_keys = ON');
}
