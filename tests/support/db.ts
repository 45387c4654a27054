import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createDb, tuneSqlite, type Db } from '../../bot/data/db.ts';
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
