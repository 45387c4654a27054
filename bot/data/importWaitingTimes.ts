/**
 * npm run import:waiting-times -- FILE_OR_URL
 * Imports NZa Zorgbeeld WaitingTimeMSZ records (XML, JSON or CSV; a file or an http(s) address)
 * or the simple hospital CSV (docs/waiting-time-import.md) into DATABASE_URL. Unusable records
 * are reported and skipped (exit 0); an unreadable source, or more than 5 % unusable records,
 * imports nothing (exit 1). Usage errors exit 2.
 */
import { loadConfig } from '../config.ts';
import { createDb } from './db.ts';
import { loadReferenceData } from './referenceData.ts';
import { describeOutcome } from './waitingTimeImporter.ts';
import { runImport } from './waitingTimeSync.ts';

const source = process.argv[2];
if (!source || source.startsWith('-')) {
  process.stderr.write('Usage: npm run import:waiting-times -- FILE_OR_URL   (NZa WaitingTimeMSZ .xml/.json/.csv, or the hospital CSV)\n');
  process.exit(2);
}
const config = loadConfig();
const db = createDb(config.DATABASE_URL);
try {
  const { run, outcome } = await runImport(db, loadReferenceData(), source, 'cli');
  if (outcome) {
    const text = describeOutcome(source, outcome);
    (outcome.status === 'imported' ? process.stdout : process.stderr).write(`${text}\n`);
  } else {
    process.stderr.write(`${source}: nothing was imported: ${run.summary.reason ?? 'unknown problem'}\n`);
  }
  if (run.status !== 'imported') process.exitCode = 1;
} finally {
  await db.$disconnect();
}
