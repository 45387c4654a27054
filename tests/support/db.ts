import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createDb, tuneSqlite, type Db } from '../../bot/data/db.ts';

function testDir(): string {
  const dir = process.env.WACHTWIJZER_TEST_DIR;
  if (!dir) throw new Error('WACHTWIJZER_TEST_DIR is not set: run tests through vitest (tests/support/globalSetup.ts)');
  return dir;
}

/** A fresh, migrated and seeded SQLite database of its own (copied from the run's template). */
export async function freshDatabase(): Promise<{ url: string; db: Db }> {
  const file = join(testDir(), `db-${process.pid}-${randomBytes(4).toString('hex')}.db`);
  copyFileSync(join(testDir(), 'template.db'), file);
  const url = `file:${file}`;
  const db = createDb(url);
  await tuneSqlite(db);
  return { url, db };
}
