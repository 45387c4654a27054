import { randomUUID } from 'node:crypto';
import { parseHospitalWaitingTimesCsv, parseNzaWaitingTimes, type ImportError, type ValidRow } from '../domain/waitingTimeImport.ts';
import type { Db } from './db.ts';
import { getHospitalIndex, type LoadedReferenceData } from './referenceData.ts';

export type ImportFormat = 'nza-json' | 'nza-csv' | 'hospital-csv';

export interface ImportOutcome {
  format: ImportFormat;
  batch: string | null;
  errors: ImportError[];
  imported: number;
  created: number;
  unchanged: number;
  updated: number;
}

/** Which layout a file has: NZa JSON, NZa CSV (its column names) or the simple hospital CSV. */
export function detectFormat(fileName: string, content: string): ImportFormat {
  const head = content.replace(/^\uFEFF/, '').trimStart();
  if (fileName.toLowerCase().endsWith('.json') || head.startsWith('[') || head.startsWith('{')) return 'nza-json';
  const header = head.split(/\r?\n/, 1)[0] ?? '';
  return /WaitingTime|CareProvider|TreatmentType/i.test(header) ? 'nza-csv' : 'hospital-csv';
}

/**
 * Validates a whole file, then imports all of it in one transaction or nothing: a file with a
 * bad row changes nothing. Re-importing the same file changes nothing either (idempotent);
 * history is kept, and the latest measurement per location, specialism and care type wins.
 */
export async function importWaitingTimes(db: Db, reference: LoadedReferenceData, fileName: string, content: string, now = new Date()): Promise<ImportOutcome> {
  const format = detectFormat(fileName, content);
  const index = getHospitalIndex(reference);
  const ctx = {
    specialisms: reference.specialisms,
    hospitals: reference.hospitals,
    now,
    resolveHospital: (name: string) => {
      // Imports never guess: exact names and aliases only.
      const match = index.resolveHospital(name, { fuzzy: false });
      return match ? { hospital: match.hospital, location: match.location } : null;
    },
  };
  const parsed = format === 'hospital-csv' ? parseHospitalWaitingTimesCsv(content, ctx) : parseNzaWaitingTimes(content, ctx, { format: format === 'nza-json' ? 'json' : 'csv' });
  const base = { format, imported: 0, created: 0, unchanged: 0, updated: 0 };
  if (parsed.errors.length > 0) return { ...base, batch: null, errors: parsed.errors };
  if (parsed.rows.length === 0) return { ...base, batch: null, errors: [{ line: 0, reason: 'the file has no waiting-time rows' }] };

  const batch = `import-${now.toISOString().slice(0, 10)}-${randomUUID().slice(0, 8)}`;
  const counts = await db.$transaction(
    async (tx) => {
      let created = 0;
      let unchanged = 0;
      let updated = 0;
      for (const row of parsed.rows as ValidRow[]) {
        // Days are stored whole ("24,5" days is 25): medians are not more precise than that.
        const days = row.days === null ? null : Math.round(row.days);
        const key = { locationId: row.locationId, specialismCode: row.specialismCode, careType: row.careType, treatment: row.treatment, measuredAt: new Date(`${row.measuredAt}T00:00:00Z`), source: row.source };
        const existing = await tx.waitingTime.findFirst({ where: key });
        if (!existing) {
          await tx.waitingTime.create({ data: { ...key, days, insufficient: row.insufficient, isDemo: false, importBatch: batch } });
          created += 1;
        } else if (existing.days === days && existing.insufficient === row.insufficient) {
          unchanged += 1;
        } else {
          // The same measurement corrected by its source: the newer file is right.
          await tx.waitingTime.update({ where: { id: existing.id }, data: { days, insufficient: row.insufficient, importBatch: batch, importedAt: now } });
          updated += 1;
        }
      }
      return { created, unchanged, updated };
    },
    { timeout: 120_000 },
  );
  return { format, batch, errors: [], imported: parsed.rows.length, ...counts };
}
