/**
 * An insurer's contracted providers: which providers (by AGB code or name) it has a contract
 * with, for one specialism or all, in a period. Parsing the insurer's CSV and answering "is
 * this provider contracted for this specialism today?" are pure; storing is the data layer's.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import type { Hospital } from './reference.ts';

/** One contract line as uploaded. */
export interface ContractRow {
  line: number;
  agbCode: string | null;
  providerName: string | null;
  /** Four digits, or null for all specialisms. */
  specialismCode: string | null;
  contracted: boolean;
  validFrom: string | null;
  validUntil: string | null;
}

/** A contract as stored, resolved to a hospital when the provider is known. */
export interface Contract extends Omit<ContractRow, 'line'> {
  hospitalId: string | null;
}

export interface ContractParseResult {
  rows: ContractRow[];
  errors: { line: number; reason: string }[];
}

/** Column names (English, and the Dutch an insurer's export may use). */
const COLUMNS: Record<string, 'agb' | 'name' | 'specialism' | 'contracted' | 'from' | 'until'> = {
  agb: 'agb', agb_code: 'agb', agbcode: 'agb',
  provider: 'name', name: 'name', zorgaanbieder: 'name', aanbieder: 'name', naam: 'name',
  specialism: 'specialism', specialisme: 'specialism', specialty: 'specialism',
  contracted: 'contracted', gecontracteerd: 'contracted', contract: 'contracted',
  valid_from: 'from', geldig_vanaf: 'from', from: 'from', vanaf: 'from',
  valid_until: 'until', geldig_tot: 'until', until: 'until', tot: 'until',
};

const YES = new Set(['yes', 'ja', 'y', 'j', 'true', '1']);
const NO = new Set(['no', 'nee', 'n', 'false', '0']);
const ALL = new Set(['', 'all', 'alle', 'alles', '*']);

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * Parses the contracts CSV: `agb_code` or `provider`, `specialism` (code, or "all"), `contracted`
 * (yes/no), `valid_from`, `valid_until` (YYYY-MM-DD, optional). Every bad line is reported.
 */
export function parseContractsCsv(content: string, knownSpecialisms: ReadonlySet<string>): ContractParseResult {
  let records: string[][];
  try {
    records = parseCsv(content.replace(/\r\n?/g, '\n'), { bom: true, delimiter: [',', ';'], skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    return { rows: [], errors: [{ line: 0, reason: `the file is not valid CSV: ${(error as Error).message}` }] };
  }
  if (records.length === 0) return { rows: [], errors: [{ line: 0, reason: 'the file is empty' }] };
  const header = records[0]!.map((h) => COLUMNS[h.toLowerCase().replace(/[\s-]+/g, '_')] ?? null);
  const col = (name: string) => header.indexOf(name as never);
  const problems: string[] = [];
  if (col('agb') < 0 && col('name') < 0) problems.push('agb_code or provider');
  if (col('contracted') < 0) problems.push('contracted');
  if (problems.length > 0) return { rows: [], errors: [{ line: 1, reason: `missing column(s): ${problems.join(', ')}` }] };

  const rows: ContractRow[] = [];
  const errors: { line: number; reason: string }[] = [];
  records.slice(1).forEach((fields, i) => {
    const line = i + 2;
    const get = (name: string) => (col(name) >= 0 ? (fields[col(name)] ?? '').trim() : '');
    const agbRaw = get('agb');
    const name = get('name');
    const specialismRaw = get('specialism').toLowerCase();
    const contractedRaw = get('contracted').toLowerCase();
    const from = get('from');
    const until = get('until');
    if (agbRaw === '' && name === '') return errors.push({ line, reason: 'give an AGB code or a provider name' });
    if (agbRaw !== '' && !/^\d{1,8}$/.test(agbRaw)) return errors.push({ line, reason: `agb_code "${agbRaw}" is not an AGB code (8 digits)` });
    let specialismCode: string | null = null;
    if (!ALL.has(specialismRaw)) {
      if (!/^\d{3,4}$/.test(specialismRaw)) return errors.push({ line, reason: `specialism "${specialismRaw}" is not a specialism code (e.g. 0305) or "all"` });
      specialismCode = specialismRaw.padStart(4, '0');
      if (!knownSpecialisms.has(specialismCode)) return errors.push({ line, reason: `unknown specialism code ${specialismCode}` });
    }
    const contracted = YES.has(contractedRaw) ? true : NO.has(contractedRaw) ? false : null;
    if (contracted === null) return errors.push({ line, reason: `contracted must be yes or no, got "${get('contracted')}"` });
    if (from !== '' && !isDate(from)) return errors.push({ line, reason: `valid_from "${from}" is not a date (YYYY-MM-DD)` });
    if (until !== '' && !isDate(until)) return errors.push({ line, reason: `valid_until "${until}" is not a date (YYYY-MM-DD)` });
    if (from !== '' && until !== '' && until < from) return errors.push({ line, reason: `valid_until ${until} is before valid_from ${from}` });
    rows.push({ line, agbCode: agbRaw === '' ? null : agbRaw.padStart(8, '0'), providerName: name === '' ? null : name, specialismCode, contracted, validFrom: from || null, validUntil: until || null });
    return undefined;
  });
  return { rows, errors };
}

/**
 * Whether the insurer contracts this provider for this specialism on this day: true, false, or
 * null when its list does not say. A line for the specialism beats a line for all specialisms;
 * a line by AGB code (the provider's or one of its locations') counts like one by name.
 */
export function contractStatus(contracts: readonly Contract[], hospital: Pick<Hospital, 'id' | 'agbCode' | 'locations'>, specialismCode: string, day: string): boolean | null {
  const agbs = new Set([hospital.agbCode, ...hospital.locations.map((l) => l.agbCode)].filter((a): a is string => Boolean(a)));
  let general: boolean | null = null;
  for (const c of contracts) {
    if (c.validFrom && day < c.validFrom) continue;
    if (c.validUntil && day > c.validUntil) continue;
    const applies = c.hospitalId === hospital.id || (c.agbCode !== null && agbs.has(c.agbCode));
    if (!applies) continue;
    if (c.specialismCode === specialismCode) return c.contracted;
    if (c.specialismCode === null) general = general === false ? false : c.contracted;
  }
  return general;
}
