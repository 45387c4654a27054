import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteConnection, type Db } from '../../bot/data/db.ts';
import { sqliteFilePath } from '../../bot/data/databaseUrl.ts';
import { startWalCheckpointer, type WalCheckpointer } from '../../bot/data/walCheckpointer.ts';
import { freshDatabase, onPostgres } from '../support/db.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(onPostgres)('WAL checkpoints on a thread of their own (SQLite)', () => {
  let db: Db;
  let url: string;
  let checkpointer: WalCheckpointer | null = null;
  afterEach(async () => {
    await checkpointer?.stop();
    checkpointer = null;
    await db.$disconnect();
  });

  const fileBytes = () => statSync(sqliteFilePath(url)).size;
  const writeMegabytes = async (n: number) => {
    const c = (await sqliteConnection(db))!;
    c.exec('CREATE TABLE IF NOT EXISTS "CheckpointProbe" ("id" INTEGER PRIMARY KEY, "blob" BLOB)');
    const insert = Object.getPrototypeOf(c).prepare.call(c, 'INSERT INTO "CheckpointProbe" ("blob") VALUES (?)');
    for (let i = 0; i < n * 16; i++) insert.run(Buffer.alloc(64 * 1024, i));
  };

  it('moves committed pages into the database file while the connection itself never checkpoints', async () => {
    ({ db, url } = await freshDatabase());
    checkpointer = await startWalCheckpointer(db, url, { everyMs: 20 });
    const c = (await sqliteConnection(db))!;
    expect(Number(c.pragma('wal_autocheckpoint', { simple: true }))).toBe(0);
    const before = fileBytes();
    await writeMegabytes(8);
    // Without a checkpoint the 8 MB would stay in the WAL; the thread copies them over.
    for (let i = 0; i < 100 && fileBytes() < before + 8 * 1024 * 1024; i++) await sleep(20);
    expect(fileBytes()).toBeGreaterThanOrEqual(before + 8 * 1024 * 1024);
    // Nothing was lost on the way: a connection of its own reads every row.
    const reader = new Database(sqliteFilePath(url), { readonly: true });
    expect(reader.prepare('SELECT count(*) AS n FROM "CheckpointProbe"').get()).toEqual({ n: 128 });
    reader.close();
  });

  it('gives checkpoints back to the connection when it stops', async () => {
    ({ db, url } = await freshDatabase());
    checkpointer = await startWalCheckpointer(db, url, { everyMs: 20 });
    await checkpointer.stop();
    const c = (await sqliteConnection(db))!;
    expect(Number(c.pragma('wal_autocheckpoint', { simple: true }))).toBe(1000);
  });

  it('leaves the connection checkpointing by itself when the thread cannot open the database', async () => {
    ({ db, url } = await freshDatabase());
    const problems: string[] = [];
    checkpointer = await startWalCheckpointer(db, `file:${sqliteFilePath(url)}.missing`, { onProblem: (m) => problems.push(m) });
    const c = (await sqliteConnection(db))!;
    expect(Number(c.pragma('wal_autocheckpoint', { simple: true }))).toBe(1000);
    expect(problems.join(' ')).toMatch(/WAL checkpoint thread failed/);
  });
});
