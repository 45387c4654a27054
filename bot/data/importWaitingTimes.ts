/**
 * npm run import:waiting-times -- FILE
 * Imports NZa Zorgbeeld WaitingTimeMSZ records (JSON or CSV) or the simple hospital CSV
 * (docs/waiting-time-import.md) into DATABASE_URL: all rows or none, idempotently.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { loadConfig } from '../config.ts';
import { createDb } from './db.ts';
import { loadReferenceData } from './referenceData.ts';
import { importWaitingTimes } from './waitingTimeImporter.ts';

const file = process.argv[2];
if (!file) {
  process.stderr.write('Usage: npm run import:waiting-times -- FILE   (NZa WaitingTimeMSZ .json/.csv, or the hospital CSV)\n');
  process.exit(2);
}
let content: string;
try {
  content = readFileSync(file, 'utf8');
} catch (error) {
  process.stderr.write(`Cannot read ${file}: ${(error as Error).message}\n`);
  process.exit(2);
}
const config = loadConfig();
const db = createDb(config.DATABASE_URL);
try {
  const outcome = await importWaitingTimes(db, loadReferenceData(), basename(file), content);
  if (outcome.errors.length > 0) {
    process.stderr.write(`${file} (${outcome.format}): ${outcome.errors.length} problem(s); nothing was imported.\n`);
    for (const e of outcome.errors) process.stderr.write(`  ${e.line === 0 ? 'file' : `line ${e.line}`}: ${e.reason}\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write(`${file} (${outcome.format}): ${outcome.imported} rows — ${outcome.created} new, ${outcome.updated} corrected, ${outcome.unchanged} already there (batch ${outcome.batch}).\n`);
  }
} finally {
  await db.$disconnect();
}
