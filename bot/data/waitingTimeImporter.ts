import { randomUUID } from 'node:crypto';
import {
  MAX_BAD_ROW_SHARE,
  NZA_SOURCE,
  parseHospitalWaitingTimesCsv,
  parseNzaWaitingTimes,
  type ImportError,
  type ImportResult,
  type SkipReason,
} from '../domain/waitingTimeImport.ts';
import type { Db } from './db.ts';
import { getHospitalIndex, type HospitalRecord, type LoadedReferenceData } from './referenceData.ts';
import { loadProviders } from './providers.ts';

export type ImportFormat = 'nza-xml' | 'nza-json' | 'nza-csv' | 'hospital-csv';

/** What one import did. "rejected": nothing was stored (unreadable file, no rows, or too many bad rows). */
export interface ImportOutcome {
  format: ImportFormat;
  status: 'imported' | 'rejected';
  /** Why a rejected file was rejected, in one sentence. */
  rejectedBecause: string | null;
  batch: string | null;
  /** Every unusable record with its number and reason (skipped, or the reason nothing was imported). */
  errors: ImportError[];
  /** Records read, good and bad. */
  total: number;
  /** Rows stored or confirmed (created + updated + unchanged). */
  imported: number;
  skipped: number;
  skippedByReason: Partial<Record<SkipReason, number>>;
  /** Waiting-time rows new in the database, corrected, or already there. */
  created: number;
  updated: number;
  unchanged: number;
  providersCreated: number;
  locationsCreated: number;
  agbCodesLearnt: number;
}

/** Which layout a file has: NZa XML, JSON or CSV (its column names), or the simple hospital CSV. */
export function detectFormat(fileName: string, content: string): ImportFormat {
  const head = content.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<') || fileName.toLowerCase().endsWith('.xml')) return 'nza-xml';
  if (fileName.toLowerCase().endsWith('.json') || head.startsWith('[') || head.startsWith('{')) return 'nza-json';
  const header = head.split(/\r?\n/, 1)[0] ?? '';
  return /WaitingTime|CareProvider|TreatmentType/i.test(header) ? 'nza-csv' : 'hospital-csv';
}

function countReasons(errors: readonly ImportError[]): Partial<Record<SkipReason, number>> {
  const out: Partial<Record<SkipReason, number>> = {};
  for (const e of errors) out[e.code] = (out[e.code] ?? 0) + 1;
  return out;
}

/** Whether a parsed file may be imported: readable, with rows, and at most 5 % unusable rows. */
export function rejection(parsed: Pick<ImportResult, 'rows' | 'errors' | 'total'>): string | null {
  const fileError = parsed.errors.find((e) => e.code === 'file');
  if (fileError) return `the file cannot be read: ${fileError.reason}`;
  if (parsed.rows.length === 0) return parsed.total === 0 ? 'the file has no waiting-time records' : 'none of its records can be used';
  const share = parsed.errors.length / parsed.total;
  if (share > MAX_BAD_ROW_SHARE) {
    return `${parsed.errors.length} of ${parsed.total} records (${(share * 100).toFixed(1)} %) cannot be used; more than ${MAX_BAD_ROW_SHARE * 100} % means the file is wrong, so nothing was imported`;
  }
  return null;
}

const CHUNK = 500;

/**
 * Validates a whole file, skips unusable rows (reported with their record number and reason)
 * and imports the rest in one transaction, with the providers and locations it introduces. A
 * file that cannot be read, or with more than 5 % unusable rows, imports nothing. Nothing stored
 * is ever deleted: history is kept, the latest measurement per location, specialism and care
 * type wins, and re-importing the same file changes nothing (idempotent).
 */
export async function importWaitingTimes(
  db: Db,
  reference: LoadedReferenceData,
  fileName: string,
  content: string,
  now = new Date(),
  options: { source?: string } = {},
): Promise<ImportOutcome> {
  const format = detectFormat(fileName, content);
  const hospitals = await loadProviders(db, reference);
  const index = getHospitalIndex({ hospitals });
  const resolved = new Map<string, { hospital: HospitalRecord; location: HospitalRecord['locations'][number] | null } | null>();
  const ctx = {
    specialisms: reference.specialisms,
    hospitals,
    now,
    pc4: reference.pc4,
    resolveHospital: (name: string) => {
      // Imports never guess: exact names and aliases only. One look-up per distinct name: a file
      // repeats each provider's name on every one of its records.
      let hit = resolved.get(name);
      if (hit === undefined) {
        const match = index.resolveHospital(name, { fuzzy: false });
        hit = match ? { hospital: match.hospital, location: match.location } : null;
        resolved.set(name, hit);
      }
      return hit;
    },
  };
  const nzaFormat = format === 'nza-xml' ? 'xml' : format === 'nza-json' ? 'json' : 'csv';
  const parsed = format === 'hospital-csv' ? parseHospitalWaitingTimesCsv(content, ctx) : parseNzaWaitingTimes(content, ctx, { format: nzaFormat, source: options.source ?? NZA_SOURCE });
  const base: ImportOutcome = {
    format, status: 'rejected', rejectedBecause: null, batch: null, errors: parsed.errors, total: parsed.total, imported: 0,
    skipped: parsed.errors.length, skippedByReason: countReasons(parsed.errors), created: 0, updated: 0, unchanged: 0,
    providersCreated: 0, locationsCreated: 0, agbCodesLearnt: 0,
  };
  const rejected = rejection(parsed);
  if (rejected) return { ...base, rejectedBecause: rejected };

  const batch = `import-${now.toISOString().slice(0, 10)}-${randomUUID().slice(0, 8)}`;
  const counts = await db.$transaction(
    async (tx) => {
      for (let i = 0; i < parsed.newProviders.length; i += CHUNK) {
        await tx.hospital.createMany({
          data: parsed.newProviders.slice(i, i + CHUNK).map((p) => ({
            id: p.id, officialName: p.officialName, kind: 'zbc', agbCode: p.agbCode, kvkNumber: p.kvkNumber, aliases: JSON.stringify(p.aliases),
            origin: options.source ?? NZA_SOURCE, originDate: new Date(`${p.originDate}T00:00:00Z`),
          })),
        });
      }
      for (let i = 0; i < parsed.newLocations.length; i += CHUNK) {
        await tx.location.createMany({
          data: parsed.newLocations.slice(i, i + CHUNK).map((l) => ({
            id: l.id, hospitalId: l.hospitalId, name: l.name, city: l.city, postcode: l.postcode, pc4: l.pc4, latitude: l.latitude, longitude: l.longitude,
            agbCode: l.agbCode, street: l.street, houseNumber: l.houseNumber, nzaLocationKey: l.nzaLocationKey, origin: options.source ?? NZA_SOURCE,
            originDate: new Date(`${l.originDate}T00:00:00Z`),
          })),
        });
      }
      let agbCodesLearnt = 0;
      for (const u of parsed.agbUpdates) {
        // Only where no code is stored yet: a stored code is never overwritten.
        const where = { id: u.id, agbCode: null };
        const changed = u.kind === 'hospital' ? await tx.hospital.updateMany({ where, data: { agbCode: u.agbCode } }) : await tx.location.updateMany({ where, data: { agbCode: u.agbCode } });
        agbCodesLearnt += changed.count;
      }

      // One read of the rows these measurements could already be, instead of one query per row.
      const dates = [...new Set(parsed.rows.map((r) => r.measuredAt))].map((d) => new Date(`${d}T00:00:00Z`));
      const sources = [...new Set(parsed.rows.map((r) => r.source))];
      const existing = new Map<string, { id: string; days: number | null; insufficient: boolean }>();
      for (const row of await tx.waitingTime.findMany({
        where: { measuredAt: { in: dates }, source: { in: sources } },
        select: { id: true, locationId: true, specialismCode: true, careType: true, treatment: true, measuredAt: true, source: true, days: true, insufficient: true },
      })) {
        existing.set(`${row.locationId}|${row.specialismCode}|${row.careType}|${row.treatment ?? ''}|${row.measuredAt.toISOString().slice(0, 10)}|${row.source}`, row);
      }
      const toCreate = [];
      let updated = 0;
      let unchanged = 0;
      for (const row of parsed.rows) {
        // Days are stored whole ("24,5" days is 25): medians are not more precise than that.
        const days = row.days === null ? null : Math.round(row.days);
        const key = `${row.locationId}|${row.specialismCode}|${row.careType}|${row.treatment ?? ''}|${row.measuredAt}|${row.source}`;
        const found = existing.get(key);
        if (!found) {
          toCreate.push({
            locationId: row.locationId, specialismCode: row.specialismCode, careType: row.careType, treatment: row.treatment,
            measuredAt: new Date(`${row.measuredAt}T00:00:00Z`), source: row.source, days, insufficient: row.insufficient, isDemo: false, importBatch: batch, importedAt: now,
          });
        } else if (found.days === days && found.insufficient === row.insufficient) {
          unchanged += 1;
        } else {
          // The same measurement corrected by its source: the newer file is right.
          await tx.waitingTime.update({ where: { id: found.id }, data: { days, insufficient: row.insufficient, importBatch: batch, importedAt: now } });
          updated += 1;
        }
      }
      for (let i = 0; i < toCreate.length; i += CHUNK) await tx.waitingTime.createMany({ data: toCreate.slice(i, i + CHUNK) });
      return { created: toCreate.length, updated, unchanged, agbCodesLearnt };
    },
    { timeout: 120_000 },
  );
  return {
    ...base,
    status: 'imported',
    batch,
    imported: parsed.rows.length,
    ...counts,
    providersCreated: parsed.newProviders.length,
    locationsCreated: parsed.newLocations.length,
  };
}

/** The outcome in a few lines for a person (command line, logs). */
export function describeOutcome(name: string, outcome: ImportOutcome, maxErrors = 50): string {
  const lines: string[] = [];
  const skipped = Object.entries(outcome.skippedByReason).map(([reason, n]) => `${reason} ${n}`).join(', ');
  if (outcome.status === 'imported') {
    lines.push(
      `${name} (${outcome.format}): imported ${outcome.imported} of ${outcome.total} records — ${outcome.created} new, ${outcome.updated} corrected, ${outcome.unchanged} already there (batch ${outcome.batch}).`,
      `  created: ${outcome.providersCreated} provider(s), ${outcome.locationsCreated} location(s); AGB codes learnt: ${outcome.agbCodesLearnt}.`,
      `  skipped: ${outcome.skipped}${skipped ? ` (${skipped})` : ''}.`,
    );
  } else {
    lines.push(`${name} (${outcome.format}): nothing was imported: ${outcome.rejectedBecause}.`);
    if (skipped) lines.push(`  unusable: ${outcome.skipped} (${skipped}).`);
  }
  const unit = outcome.format.endsWith('csv') ? 'line' : 'record';
  for (const e of outcome.errors.slice(0, maxErrors)) lines.push(`  ${e.line === 0 ? 'file' : `${unit} ${e.line}`}: [${e.code}] ${e.reason}`);
  if (outcome.errors.length > maxErrors) lines.push(`  … and ${outcome.errors.length - maxErrors} more.`);
  return lines.join('\n');
}
