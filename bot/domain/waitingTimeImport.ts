/**
 * Parsing and validation of waiting-time files, without any database: (a) the NZa Zorgbeeld
 * WaitingTimeMSZ record layout (JSON array, or CSV with the same column names), (b) a simple
 * CSV for hospitals' own figures (docs/waiting-time-import.md). Every problem becomes an error
 * with a 1-based line number and a reason in plain English that names the field; good rows
 * are returned even when other rows fail, so one bad line does not block a whole file.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import type { CareType, Hospital, HospitalLocation, Specialism } from './reference.ts';
import type { WaitingTimeFigure } from './alternatives.ts';
import { careTypeFromNza } from './treeknorm.ts';
import { normalizePostcode } from './postcode.ts';
import { toMatchKey } from './text.ts';
import { dutchCalendarDate } from './validity.ts';

/** Resolves a hospital name or alias to a hospital (and a location when the name points at one); no fuzzy guessing. */
export type HospitalNameResolver = (name: string) => { hospital: Hospital; location: HospitalLocation | null } | null;

/** What an import needs to know: the reference data, a name resolver and the clock. */
export interface ImportContext {
  specialisms: readonly Specialism[];
  hospitals: readonly Hospital[];
  resolveHospital: HospitalNameResolver;
  /** "Now", for rejecting measurement dates in the future. */
  now: Date;
}

/** A validated waiting-time row. */
export interface ValidRow {
  line: number;
  origin: 'nza' | 'hospital';
  hospitalId: string;
  locationId: string;
  specialismCode: string;
  careType: CareType;
  /** Days; null when the source reports too few observations. */
  days: number | null;
  insufficient: boolean;
  /** YYYY-MM-DD. */
  measuredAt: string;
  source: string;
  /** NZa treatment name ("Cataract-operatie"); null for hospitals' own figures. */
  treatment: string | null;
}

/** A rejected line. Line 0 means the file as a whole. */
export interface ImportError {
  line: number;
  reason: string;
}

/** Result of parsing one file. */
export interface ImportResult {
  rows: ValidRow[];
  errors: ImportError[];
}

/** Source label on NZa rows unless the caller gives another. */
export const NZA_SOURCE = 'NZa Zorgbeeld (WaitingTimeMSZ)';

/** Longest plausible wait: more than three years is a typo (weeks entered as days, an extra digit). */
export const MAX_WAIT_DAYS = 3 * 365;

/** The NZa column names this parser reads. */
export const NZA_FIELDS = [
  'Date', 'WaitingTime', 'InsufficientObservations', 'CareProvider', 'CareProvider_AGBCode', 'Location_AGBCode', 'Location',
  'PostalCode', 'City', 'TreatmentKey', 'Treatment', 'TreatmentType', 'Specialism',
] as const;

/** The columns of the hospitals' own CSV. */
export const HOSPITAL_CSV_COLUMNS = ['hospital', 'location', 'specialism', 'care_type', 'waiting_days', 'waiting_weeks', 'measured_at', 'source'] as const;

// ---------------------------------------------------------------------------------------------
// Shared checks

class RowError extends Error {}

function fail(reason: string): never {
  throw new RowError(reason);
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return fail(`unexpected ${Array.isArray(value) ? 'list' : typeof value} value`);
}

function parseNumber(raw: string, field: string): number {
  // Dutch spreadsheets write "5,5".
  const n = Number(raw.replace(',', '.'));
  if (raw === '' || !Number.isFinite(n)) fail(`${field} "${raw}" is not a number`);
  return n;
}

function checkDays(days: number, field: string): number {
  if (days < 0) fail(`${field} ${days} is negative`);
  if (days > MAX_WAIT_DAYS) fail(`${field} of ${days} days is more than 3 years; probably a typing error`);
  return days;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function realDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function measurementDate(raw: string, field: string, now: Date, allowTimestamp: boolean): string {
  let day: string | null = null;
  if (realDate(raw)) day = raw;
  else if (allowTimestamp) {
    const m = ISO_TIMESTAMP.exec(raw);
    if (m && realDate(m[1]!)) {
      // With a zone, the calendar day is the Dutch one; without, the date as written.
      day = m[2] ? dutchCalendarDate(new Date(raw)) : m[1]!;
    }
  }
  if (day === null) {
    if (raw === '') fail(`${field} is missing`);
    fail(`${field} "${raw}" is not a valid date (expected YYYY-MM-DD${allowTimestamp ? ' or an ISO timestamp' : ''})`);
  }
  const today = dutchCalendarDate(now);
  if (day > today) fail(`${field} ${day} is in the future (today is ${today})`);
  return day;
}

function agbCode(value: unknown, field: string): string | null {
  const raw = text(value);
  if (raw === '') return null;
  if (!/^\d{1,8}$/.test(raw)) fail(`${field} "${raw}" is not an AGB code (8 digits)`);
  // Spreadsheets and JSON numbers drop the leading zero ("06020502" → 6020502); AGB codes have 8 digits.
  return raw.padStart(8, '0');
}

function specialismIndex(specialisms: readonly Specialism[]): Map<string, Specialism> {
  return new Map(specialisms.map((s) => [s.code, s]));
}

interface Locator {
  byLocationAgb: Map<string, { hospital: Hospital; location: HospitalLocation }>;
  byHospitalAgb: Map<string, Hospital>;
}

function locator(hospitals: readonly Hospital[]): Locator {
  const byLocationAgb = new Map<string, { hospital: Hospital; location: HospitalLocation }>();
  const byHospitalAgb = new Map<string, Hospital>();
  for (const hospital of hospitals) {
    if (hospital.agbCode) byHospitalAgb.set(hospital.agbCode, hospital);
    for (const location of hospital.locations) if (location.agbCode) byLocationAgb.set(location.agbCode, { hospital, location });
  }
  return { byLocationAgb, byHospitalAgb };
}

/**
 * Picks the location of a known hospital from what the row says: the location its name pointed
 * at, then the postcode, then the PC4, then the city, then the only location. A candidate is
 * dropped when the row's address contradicts it (neither its PC4 nor its city fits), so a ZBC
 * site we do not list is never filed under the one we do.
 */
function pickLocation(hospital: Hospital, hint: { location: HospitalLocation | null; postcode: string; city: string }): HospitalLocation | null {
  const postcode = hint.postcode ? normalizePostcode(hint.postcode) : null;
  const pc4 = postcode?.slice(0, 4) ?? null;
  const city = hint.city ? toMatchKey(hint.city) : '';
  const fits = (l: HospitalLocation) => (!pc4 && !city) || (pc4 !== null && l.pc4 === pc4) || (city !== '' && toMatchKey(l.city) === city);
  const unique = (candidates: HospitalLocation[]) => (candidates.length === 1 ? candidates[0]! : null);

  if (hint.location && fits(hint.location)) return hint.location;
  return (
    (postcode && postcode.length === 6 ? unique(hospital.locations.filter((l) => l.postcode === postcode)) : null) ??
    (pc4 ? unique(hospital.locations.filter((l) => l.pc4 === pc4)) : null) ??
    (city ? unique(hospital.locations.filter((l) => toMatchKey(l.city) === city)) : null) ??
    (hospital.locations.length === 1 && fits(hospital.locations[0]!) ? hospital.locations[0]! : null)
  );
}

function describeLocations(hospital: Hospital): string {
  return hospital.locations.map((l) => `"${l.name}" (${l.city})`).join(', ');
}

/** Remembers row keys; a key seen before is a duplicate of that earlier line. */
class Duplicates {
  private readonly seen = new Map<string, number>();
  constructor(private readonly sameWhat: string) {}
  check(key: string, line: number): void {
    const first = this.seen.get(key);
    if (first !== undefined) fail(`duplicate of line ${first}: same ${this.sameWhat}`);
    this.seen.set(key, line);
  }
}

// ---------------------------------------------------------------------------------------------
// CSV reading

interface CsvRecord {
  line: number;
  fields: Record<string, string>;
  problem: string | null;
}

function readCsv(content: string): { header: string[]; records: CsvRecord[] } | ImportError {
  // csv-parse miscounts lines on CRLF input after an empty line; one line ending fixes that.
  const input = content.replace(/\r\n?/g, '\n');
  let header: string[] = [];
  let parsed: { record: Record<string, string>; info: { lines: number; error?: unknown } }[];
  try {
    parsed = parseCsv(input, {
      columns: (names: string[]) => (header = names.map((h) => h.trim())),
      bom: true,
      delimiter: [',', ';'],
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      info: true,
    });
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    return { line: typeof lines === 'number' ? lines : 0, reason: `the file is not valid CSV: ${(error as Error).message}` };
  }
  const records = parsed.map(({ record, info }) => {
    // info.lines is the record's last line; a quoted field with line breaks spans several.
    const breaks = Object.values(record).reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0);
    const line = info.lines - breaks;
    const count = Object.keys(record).length;
    const problem = info.error ? `has ${count === header.length ? 'more' : 'fewer'} fields than the header (${header.length})` : null;
    return { line, fields: record, problem };
  });
  return { header, records };
}

function sniffJson(content: string): boolean {
  const first = content.replace(/^\ufeff/, '').trimStart()[0];
  return first === '[' || first === '{';
}

// ---------------------------------------------------------------------------------------------
// (a) NZa Zorgbeeld WaitingTimeMSZ

const SPECIALISM_CODE_IN_LABEL = /\((\d{3,4})\)/g;

function nzaSpecialism(label: string, known: Map<string, Specialism>): string {
  if (label === '') fail('Specialism is missing');
  const codes = [...label.matchAll(SPECIALISM_CODE_IN_LABEL)].map((m) => m[1]!.padStart(4, '0'));
  if (codes.length === 0) fail(`unknown specialism "${label}": Specialism has no code in brackets, e.g. "Orthopedie (305)"`);
  // Shared labels such as "Orthopedie (305) / Chirurgie (heelkunde) (303)" are filed under the first code.
  const code = codes[0]!;
  if (!known.has(code)) fail(`unknown specialism code ${code} in Specialism "${label}"`);
  return code;
}

function nzaInsufficient(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  const raw = text(value).toLowerCase();
  if (raw === '') return null;
  if (raw === 'ja' || raw === 'true') return true;
  if (raw === 'nee' || raw === 'false') return false;
  return fail(`InsufficientObservations must be "Ja" or "Nee", got "${text(value)}"`);
}

function nzaRow(record: Record<string, unknown>, line: number, ctx: ImportContext, known: Map<string, Specialism>, where: Locator, source: string): ValidRow {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) fail('record is not an object with NZa fields');
  const specialismCode = nzaSpecialism(text(record.Specialism), known);
  const typeRaw = text(record.TreatmentType);
  if (typeRaw === '') fail('TreatmentType is missing');
  const careType = careTypeFromNza(typeRaw) ?? fail(`unknown TreatmentType "${typeRaw}" (expected Polikliniekbezoek, Diagnostiek or Behandeling)`);
  const measuredAt = measurementDate(text(record.Date), 'Date', ctx.now, true);

  const insufficientFlag = nzaInsufficient(record.InsufficientObservations);
  const waitRaw = text(record.WaitingTime);
  let days: number | null = null;
  const insufficient = insufficientFlag === true;
  if (!insufficient) {
    if (waitRaw === '') fail(insufficientFlag === false ? 'WaitingTime is missing while InsufficientObservations is "Nee"' : 'WaitingTime is missing');
    days = checkDays(parseNumber(waitRaw, 'WaitingTime'), 'WaitingTime');
  }

  const locationAgb = agbCode(record.Location_AGBCode, 'Location_AGBCode');
  const providerAgb = agbCode(record.CareProvider_AGBCode, 'CareProvider_AGBCode');
  const providerName = text(record.CareProvider);
  const locationName = text(record.Location);
  const postcode = text(record.PostalCode);
  const city = text(record.City);
  if (!locationAgb && !providerAgb && !providerName && !locationName) fail('CareProvider is missing (and there is no AGB code or Location)');

  // Matching order: location AGB code, provider AGB code, then the provider's (or location's) name.
  let hospital: Hospital | null = null;
  let location: HospitalLocation | null = null;
  const byLocation = locationAgb ? where.byLocationAgb.get(locationAgb) : undefined;
  if (byLocation) ({ hospital, location } = byLocation);
  else {
    const named = providerName ? ctx.resolveHospital(providerName) : null;
    const namedLocation = locationName ? ctx.resolveHospital(locationName) : null;
    hospital = (providerAgb ? where.byHospitalAgb.get(providerAgb) : undefined) ?? named?.hospital ?? namedLocation?.hospital ?? null;
    if (hospital) {
      const hint = namedLocation?.hospital.id === hospital.id ? namedLocation.location : named?.hospital.id === hospital.id ? named.location : null;
      location = pickLocation(hospital, { location: hint, postcode, city });
    }
  }
  if (!hospital) {
    fail(`unknown hospital: CareProvider "${providerName}"${providerAgb ? ` (AGB ${providerAgb})` : ''} is not in the hospital reference data`);
  }
  if (!location) {
    fail(`unknown location "${locationName}" (${[postcode, city].filter(Boolean).join(' ')}) for ${hospital.officialName}; known: ${describeLocations(hospital)}`);
  }

  const treatment = text(record.Treatment) || null;
  return {
    line,
    origin: 'nza',
    hospitalId: hospital.id,
    locationId: location.id,
    specialismCode,
    careType,
    days,
    insufficient,
    measuredAt,
    source,
    treatment,
  };
}

/**
 * Parses NZa Zorgbeeld WaitingTimeMSZ records: a JSON array (records numbered from 1) or a CSV
 * with the same column names (the header is line 1). WaitingTime is in days.
 */
export function parseNzaWaitingTimes(content: string, ctx: ImportContext, options: { format?: 'json' | 'csv'; source?: string } = {}): ImportResult {
  const known = specialismIndex(ctx.specialisms);
  const where = locator(ctx.hospitals);
  const source = options.source ?? NZA_SOURCE;
  const rows: ValidRow[] = [];
  const errors: ImportError[] = [];
  const duplicates = new Duplicates('location, specialism, care type, treatment and date');

  const take = (record: Record<string, unknown>, line: number) => {
    try {
      const row = nzaRow(record, line, ctx, known, where, source);
      const treatmentKey = text(record.TreatmentKey) || row.treatment || '';
      duplicates.check(`${row.locationId}|${row.specialismCode}|${row.careType}|${row.measuredAt}|${treatmentKey}`, line);
      rows.push(row);
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      errors.push({ line, reason: error.message });
    }
  };

  if (options.format === 'json' || (options.format === undefined && sniffJson(content))) {
    let data: unknown;
    try {
      data = JSON.parse(content.replace(/^\ufeff/, ''));
    } catch (error) {
      return { rows, errors: [{ line: 0, reason: `the file is not valid JSON: ${(error as Error).message}` }] };
    }
    if (!Array.isArray(data)) return { rows, errors: [{ line: 0, reason: 'expected a JSON array of WaitingTimeMSZ records' }] };
    data.forEach((record, index) => take(record as Record<string, unknown>, index + 1));
    return { rows, errors };
  }

  const csv = readCsv(content);
  if (!('records' in csv)) return { rows, errors: [csv] };
  const missing = ['Specialism', 'TreatmentType', 'Date'].filter((c) => !csv.header.includes(c));
  if (missing.length > 0) return { rows, errors: [{ line: 1, reason: `missing column(s): ${missing.join(', ')}` }] };
  for (const record of csv.records) {
    if (record.problem) errors.push({ line: record.line, reason: `line ${record.problem}` });
    else take(record.fields, record.line);
  }
  return { rows, errors };
}

// ---------------------------------------------------------------------------------------------
// (b) Hospitals' own CSV

const CARE_TYPE_WORDS: Readonly<Record<string, CareType>> = {
  outpatient: 'outpatient', polikliniek: 'outpatient', polikliniekbezoek: 'outpatient', poli: 'outpatient',
  diagnostics: 'diagnostics', diagnostiek: 'diagnostics',
  day_treatment: 'day_treatment', dagbehandeling: 'day_treatment',
  clinical: 'clinical', klinisch: 'clinical', opname: 'clinical', klinische_behandeling: 'clinical',
  treatment: 'treatment', behandeling: 'treatment',
};

function hospitalRow(fields: Record<string, string>, line: number, ctx: ImportContext, known: Map<string, Specialism>): ValidRow {
  const hospitalName = fields.hospital ?? '';
  if (hospitalName === '') fail('hospital is missing');
  const resolved = ctx.resolveHospital(hospitalName);
  if (!resolved) fail(`unknown hospital "${hospitalName}": use the official name or an alias from reference/hospitals.json`);
  const { hospital } = resolved;

  const locationName = fields.location ?? '';
  let location: HospitalLocation | null = null;
  if (locationName !== '') {
    const key = toMatchKey(locationName);
    location =
      hospital.locations.find((l) => l.id === locationName || toMatchKey(l.name) === key) ??
      (() => {
        const viaName = ctx.resolveHospital(locationName);
        return viaName?.hospital.id === hospital.id ? viaName.location : null;
      })() ??
      pickLocation(hospital, { location: null, postcode: '', city: locationName });
    if (!location) fail(`unknown location "${locationName}" for ${hospital.officialName}; known: ${describeLocations(hospital)}`);
  } else {
    location = resolved.location ?? (hospital.locations.length === 1 ? hospital.locations[0]! : null);
    if (!location) fail(`${hospital.officialName} has ${hospital.locations.length} locations; say which in the location column: ${describeLocations(hospital)}`);
  }

  const specialismRaw = fields.specialism ?? '';
  if (specialismRaw === '') fail('specialism is missing');
  if (!/^\d{3,4}$/.test(specialismRaw)) fail(`specialism "${specialismRaw}" is not a specialism code (e.g. 0305)`);
  const specialismCode = specialismRaw.padStart(4, '0');
  if (!known.has(specialismCode)) fail(`unknown specialism code ${specialismCode}`);

  const careRaw = (fields.care_type ?? '').toLowerCase().replace(/[\s-]+/g, '_');
  if (careRaw === '') fail('care_type is missing');
  const careType = CARE_TYPE_WORDS[careRaw] ?? fail(`unknown care_type "${fields.care_type}" (expected outpatient, diagnostics, day_treatment, clinical or treatment)`);

  const daysRaw = fields.waiting_days ?? '';
  const weeksRaw = fields.waiting_weeks ?? '';
  if (daysRaw === '' && weeksRaw === '') fail('waiting_days or waiting_weeks is missing');
  let days: number;
  if (daysRaw !== '') {
    days = checkDays(parseNumber(daysRaw, 'waiting_days'), 'waiting_days');
    if (weeksRaw !== '' && Math.abs(parseNumber(weeksRaw, 'waiting_weeks') * 7 - days) >= 7) {
      fail(`waiting_days ${daysRaw} and waiting_weeks ${weeksRaw} disagree; give one of them`);
    }
  } else {
    const weeks = parseNumber(weeksRaw, 'waiting_weeks');
    if (weeks < 0) fail(`waiting_weeks ${weeks} is negative`);
    days = checkDays(Math.round(weeks * 7), 'waiting_weeks × 7');
  }

  const measuredAt = measurementDate(fields.measured_at ?? '', 'measured_at', ctx.now, false);
  const source = fields.source ?? '';
  if (source === '') fail('source is missing (say where the figure comes from, e.g. the hospital web page)');

  return {
    line,
    origin: 'hospital',
    hospitalId: hospital.id,
    locationId: location.id,
    specialismCode,
    careType,
    days,
    insufficient: false,
    measuredAt,
    source,
    treatment: null,
  };
}

/** Parses the hospitals' own waiting-time CSV (see docs/waiting-time-import.md); the header is line 1. */
export function parseHospitalWaitingTimesCsv(content: string, ctx: ImportContext): ImportResult {
  const known = specialismIndex(ctx.specialisms);
  const rows: ValidRow[] = [];
  const errors: ImportError[] = [];
  const csv = readCsv(content);
  if (!('records' in csv)) return { rows, errors: [csv] };
  const required = ['hospital', 'specialism', 'care_type', 'measured_at', 'source'];
  const missing = required.filter((c) => !csv.header.includes(c));
  if (!csv.header.includes('waiting_days') && !csv.header.includes('waiting_weeks')) missing.push('waiting_days or waiting_weeks');
  if (missing.length > 0) return { rows, errors: [{ line: 1, reason: `missing column(s): ${missing.join(', ')}` }] };

  const duplicates = new Duplicates('location, specialism, care type and date');
  for (const record of csv.records) {
    if (record.problem) {
      errors.push({ line: record.line, reason: `line ${record.problem}` });
      continue;
    }
    try {
      const row = hospitalRow(record.fields, record.line, ctx, known);
      duplicates.check(`${row.locationId}|${row.specialismCode}|${row.careType}|${row.measuredAt}`, record.line);
      rows.push(row);
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      errors.push({ line: record.line, reason: error.message });
    }
  }
  return { rows, errors };
}

/**
 * Collapses imported rows to one figure per location, specialism, care type and date. NZa
 * reports per treatment; the specialism's figure is the longest treatment median, so we never
 * show a wait shorter than one of its treatments has. Insufficient only when no row has a figure.
 */
export function toWaitingTimeFigures(rows: readonly ValidRow[]): WaitingTimeFigure[] {
  const groups = new Map<string, WaitingTimeFigure>();
  for (const row of rows) {
    const key = `${row.locationId}|${row.specialismCode}|${row.careType}|${row.measuredAt}`;
    const existing = groups.get(key);
    if (!existing) {
      groups.set(key, {
        locationId: row.locationId,
        specialismCode: row.specialismCode,
        careType: row.careType,
        days: row.days,
        insufficient: row.insufficient,
        measuredAt: row.measuredAt,
        source: row.source,
        isDemo: false,
      });
    } else if (row.days !== null) {
      existing.days = existing.days === null ? row.days : Math.max(existing.days, row.days);
      existing.insufficient = false;
    }
  }
  return [...groups.values()];
}
