/**
 * npm run import:contracts -- TENANT FILE
 * Replaces an insurer tenant's contracted-provider list with a CSV (agb_code or provider,
 * specialism or "all", contracted yes/no, valid_from, valid_until; docs/waiting-time-import.md).
 * Any bad line stores nothing (exit 1); the previous list is kept, marked superseded.
 */
import { readFileSync } from 'node:fs';
import { loadConfig } from '../config.ts';
import { createDb } from './db.ts';
import { ContractStore } from './contracts.ts';
import { loadProviders } from './providers.ts';
import { loadReferenceData } from './referenceData.ts';

const [tenantId, file] = process.argv.slice(2);
if (!tenantId || !file) {
  process.stderr.write('Usage: npm run import:contracts -- TENANT FILE.csv\n');
  process.exit(2);
}
let csv: string;
try {
  csv = readFileSync(file, 'utf8');
} catch (error) {
  process.stderr.write(`Cannot read ${file}: ${(error as Error).message}\n`);
  process.exit(2);
}
const config = loadConfig();
const db = createDb(config.DATABASE_URL);
try {
  const tenant = await db.tenant.findUnique({ where: { id: tenantId } });
  if (!tenant || tenant.kind !== 'insurer') {
    process.stderr.write(`${tenantId} is not an insurer tenant; contracts belong to insurers.\n`);
    process.exitCode = 2;
  } else {
    const reference = loadReferenceData();
    const outcome = await new ContractStore(db).upload(tenantId, csv, await loadProviders(db, reference), new Set(reference.specialisms.map((s) => s.code)));
    if (outcome.status === 'stored') {
      process.stdout.write(`${file}: ${outcome.stored} contract line(s) stored for ${tenantId} (${outcome.unknownAgb} with an AGB code not yet known; previous list of ${outcome.superseded} kept as superseded).\n`);
    } else {
      process.stderr.write(`${file}: nothing was stored (${outcome.errors.length} problem(s)):\n`);
      for (const e of outcome.errors) process.stderr.write(`  ${e.line === 0 ? 'file' : `line ${e.line}`}: ${e.reason}\n`);
      process.exitCode = 1;
    }
  }
} finally {
  await db.$disconnect();
}
