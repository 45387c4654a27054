import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createDb, tuneSqlite, type Db } from '../../bot/data/db.ts';
import type { HotPath } from '../../bot/data/hotPath.ts';
import { PostgresHotPath } from '../../bot/data/postgresHotPath.ts';
import { SqliteHotPath } from '../../bot/data/sqliteHotPath.ts';
import { copyTemplate, databaseOnServer, testPostgresServer } from './postgres.ts';

function testDir(): string {
  const dir = process.env.WACHTWIJZER_TEST_DIR;
  if (!dir) throw new Error('WACHTWIJZER_TEST_DIR is not set: run tests through vitest (tests/support/globalSetup.ts)');
  return dir;
}

/** True when this run's suites run on PostgreSQL (TEST_POSTGRES_URL), so SQLite-only checks can skip. */
export const onPostgres = testPostgresServer() !== undefined;

/** A fresh, migrated and seeded database of its own (a copy of the run's template), SQLite or PostgreSQL. */
export async function freshDatabase(): Promise<{ url: string; db: Db }> {
  const server = testPostgresServer();
  if (server) {
    const prefix = process.env.WACHTWIJZER_TEST_PG_PREFIX;
    if (!prefix) throw new Error('WACHTWIJZER_TEST_PG_PREFIX is not set: run tests through vitest (tests/support/globalSetup.ts)');
    const name = `${prefix}${process.pid}_${randomBytes(4).toString('hex')}`;
    await copyTemplate(server, `${prefix}template`, name);
    const url = databaseOnServer(server, name);
    return { url, db: createDb(url, { poolSize: 4 }) };
  }
  const file = join(testDir(), `db-${process.pid}-${randomBytes(4).toString('hex')}.db`);
  copyFileSync(join(testDir(), 'template.db'), file);
  const url = `file:${file}`;
  const db = createDb(url);
  await tuneSqlite(db);
  return { url, db };
}

/** Each way the repositories reach the database in this run: Prisma's everywhere, and the hot path of the run's database. */
export const databasePaths = [
  ['through Prisma', null] as const,
  onPostgres ? (['through the PostgreSQL hot path', 'postgres'] as const) : (['through the SQLite hot path', 'sqlite'] as const),
];

/** The hot path of one of `databasePaths` on a fresh database (none for Prisma's); close it after the test. */
export function hotPathFor(kind: 'sqlite' | 'postgres' | null, db: Db, url: string): HotPath | undefined {
  if (kind === 'sqlite') return new SqliteHotPath(db);
  if (kind === 'postgres') return new PostgresHotPath(url, { size: 2 });
  return undefined;
}
