import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../bot/data/databaseUrl.ts';
import { deployMigrations } from '../../scripts/migrate.ts';
import { createDb } from '../../bot/data/db.ts';
import { seed } from '../../prisma/seed.ts';
import { databaseOnServer, dropRunDatabases, onServer, testPostgresServer } from './postgres.ts';

// One folder per run, so two runs at once (CI, a developer, a helper) never share databases.
const runsDir = join(projectRoot, '.tmp/test-runs');

/** Migrates and seeds one template database per run; each test copies it (house style: real database, no mocks). */
export default async function setup(): Promise<() => Promise<void>> {
  mkdirSync(runsDir, { recursive: true });
  for (const old of readdirSync(runsDir)) {
    const path = join(runsDir, old);
    if (Date.now() - statSync(path).mtimeMs > 6 * 3600_000) rmSync(path, { recursive: true, force: true });
  }
  const runId = `run-${process.pid}-${Date.now()}`;
  const testDir = join(runsDir, runId);
  mkdirSync(testDir, { recursive: true });
  process.env.WACHTWIJZER_TEST_DIR = testDir;

  const server = testPostgresServer();
  if (server) {
    const prefix = `ww_${process.pid}_${Date.now().toString(36)}_`;
    const template = `${prefix}template`;
    process.env.WACHTWIJZER_TEST_PG_PREFIX = prefix;
    await onServer(server, `CREATE DATABASE "${template}"`);
    const url = databaseOnServer(server, template);
    await deployMigrations(url);
    const db = createDb(url, { poolSize: 2 });
    await seed(db, { production: false, demoPassword: 'demo' });
    await db.$disconnect();
    return async () => {
      await dropRunDatabases(server, prefix);
      rmSync(testDir, { recursive: true, force: true });
    };
  }

  const templatePath = join(testDir, 'template.db');
  await deployMigrations(`file:${templatePath}`);
  const db = createDb(`file:${templatePath}`);
  await seed(db, { production: false, demoPassword: 'demo' });
  await db.$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)');
  await db.$queryRawUnsafe('PRAGMA journal_mode = DELETE');
  await db.$disconnect();
  return async () => rmSync(testDir, { recursive: true, force: true });
}
