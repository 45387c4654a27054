import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../bot/data/databaseUrl.ts';
import { deployMigrations } from '../../scripts/migrate.ts';
import { createDb } from '../../bot/data/db.ts';
import { seed } from '../../prisma/seed.ts';

export const testDir = join(projectRoot, '.tmp/test');
export const templatePath = join(testDir, 'template.db');

/** Migrates and seeds one template database per run; each test copies it (house style: real SQLite, no mocks). */
export default async function setup(): Promise<void> {
  rmSync(testDir, { recursive: true, force: true });
  mkdirSync(testDir, { recursive: true });
  await deployMigrations(`file:${templatePath}`);
  const db = createDb(`file:${templatePath}`);
  await seed(db, { production: false, demoPassword: 'demo' });
  await db.$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)');
  await db.$queryRawUnsafe('PRAGMA journal_mode = DELETE');
  await db.$disconnect();
}
