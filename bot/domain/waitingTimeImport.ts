/**
 * Parsing and validation of waiting-time files, without any database: (a) the NZa Zorgbeeld
 * WaitingTimeMSZ record layout (XML `<TL_RESTs><TL_REST>…`, a JSON array, or CSV with the same
 * field names), (b) a simple CSV for hospitals' own figures (docs/waiting-time-import.md).
 * Every problem becomes an error with a 1-based record or line number, a reason code and a
 * reason in plain English that names the field; good rows are returned even when other rows
 * fail, so one bad line does not block a whole file. NZa providers and locations that the
 * known data does not have are drafted from the record itself (the data layer stores them).
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import type { CareType, Hospital, HospitalLocation, Pc4Point, Specialism } from './reference.ts';
import type { WaitingTimeFigure } from './alternatives.ts';
import { careTypeFromNza } from './treeknorm.ts';
import { normalizePostcode, parsePostcode } from './postcode.ts';
import { toMatchKey } from './text.ts';
import { dutchCalendarDate } from './validity.ts';

/** Resolves a hospital name or alias to a hospital (and a location when the name points at one); no fuzzy guessing. */
export type HospitalNameResolver = (name: string) => { hospital: Hospital; location: HospitalLocation | null } | null;

/** What an import needs to know: the known providers, a name resolver and the clock. */
export interface ImportContext {
  specialisms: readonly Specialism[];
  hospitals: readonly Hospital[];
  resolveHospital: HospitalNameResolver;
  /** "Now", for rejecting measurement dates in the future. */
  now: Date;
  /**
   * PC4 centres. With it, NZa providers and locations nobody knows yet are drafted from the
   * record (placed at their postcode's PC4 centre); without it they are errors.
   */
  pc4?: ReadonlyMap<string, Pc4Point>;
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

/** Why a row was skipped (the import summary counts per reason). */
export type SkipReason =
  | 'no_specialism_code'
  | 'unknown_specialism'
  | 'bad_care_type'
  | 'bad_wait'
  | 'missing_wait'
  | 'bad_date'
  | 'future_date'
  | 'bad_postcode'
  | 'bad_agb'
  | 'missing_provider'
  | 'unknown_hospital'
  | 'unknown_location'
  | 'duplicate'
  | 'bad_record'
  | 'missing_field'
  | 'file';

/** A rejected record or line. Line 0 means the file as a whole. */
export interface ImportError {
  line: number;
  code: SkipReason;
  reason: string;
}

/** A provider (organisation) the known data does not have, drafted from its NZa records. */
export interface NewProvider {
  id: string;
  officialName: string;
  aliases: string[];
  agbCode: string | null;
  kvkNumber: string | null;
  /** The first record it was seen in. */
  line: number;
  /** Measurement date of that record, YYYY-MM-DD. */
  originDate: string;
}

/** A location the known data does not have, at its postcode's PC4 centre. */
export interface NewLocation {
  id: string;
  hospitalId: string;
  name: string;
  city: string;
  postcode: string;
  pc4: string;
  latitude: number;
  longitude: number;
  agbCode: string | null;
  street: string | null;
  houseNumber: string | null;
  nzaLocationKey: string | null;
  line: number;
  originDate: string;
}

/** An AGB code learnt for a known hospital or location that had none. */
export interface AgbUpdate {
  kind: 'hospital' | 'location';
  id: string;
  agbCode: string;
}

/** Result of parsing one file. */
export interface ImportResult {
  rows: ValidRow[];
  errors: ImportError[];
  /** Records (or data lines) read, good and bad; 0 when the file itself could not be read. */
  total: number;
  newProviders: NewProvider[];
  newLocations: NewLocation[];
  agbUpdates: AgbUpdate[];
}

/** Source label on NZa rows unless the caller gives another. */
export const NZA_SOURCE = 'NZa Zorgbeeld (WaitingTimeMSZ)';

/** Longest plausible wait: more than three years is a typo (weeks entered as days, an extra digit). */
export const MAX_WAIT_DAYS = 3 * 365;

/** More than this share of unusable rows means the file itself is wrong: nothing is imported. */
export const MAX_BAD_ROW_SHARE = 0.05;

/** The NZa field names this parser reads. */
export const NZA_FIELDS = [
  'Date', 'WaitingTime', 'InsufficientObservations', 'KVKNumber', 'CareProvider', 'CareProvider_AGBCode', 'LocationKey', 'Location_AGBCode',
  'Location', 'Street', 'StreetNumber', 'PostalCode', 'City', 'TreatmentKey', 'TreatmentNumber', 'Treatment', 'TreatmentType', 'Specialism',
] as const;

/** The columns of the hospitals' own CSV. */
export const HOSPITAL_CSV_COLUMNS = ['hospital', 'location', 'specialism', 'care_type', 'waiting_days', 'waiting_weeks', 'measured_at', 'source'] as const;

// ---------------------------------------------------------------------------------------------
// Shared checks

class RowError extends Error {
  constructor(
    readonly code: SkipReason,
    message: string,
  ) {
    super(message);
  }
}

function fail(code: SkipReason, reason: string): never {
  throw new RowError(code, reason);
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return fail('bad_record', `unexpected ${Array.isArray(value) ? 'list' : typeof value} value`);
}

function parseNumber(raw: string, field: string): number {
  // Dutch spreadsheets write "5,5".
  const n = Number(raw.replace(',', '.'));
  if (raw === '' || !Number.isFinite(n)) fail('bad_wait', `${field} "${raw}" is not a number`);
  return n;
}

function checkDays(days: number, field: string): number {
  if (days < 0) fail('bad_wait', `${field} ${days} is negative`);
  if (days > MAX_WAIT_DAYS) fail('bad_wait', `${field} of ${days} days is more than 3 years; probably a typing error`);
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
    if (raw === '') fail('bad_date', `${field} is missing`);
    fail('bad_date', `${field} "${raw}" is not a valid date (expected YYYY-MM-DD${allowTimestamp ? ' or an ISO timestamp' : ''})`);
  }
  const today = dutchCalendarDate(now);
  if (day > today) fail('future_date', `${field} ${day} is in the future (today is ${today})`);
  return day;
}

function agbCode(value: unknown, field: string): string | null {
  const raw = text(value);
  if (raw === '') return null;
  if (!/^\d{1,8}$/.test(raw)) fail('bad_agb', `${field} "${raw}" is not an AGB code (8 digits)`);
  // Spreadsheets and JSON numbers drop the leading zero ("06020502" → 6020502); AGB codes have 8 digits.
  return raw.padStart(8, '0');
}

function specialismIndex(specialisms: readonly Specialism[]): Map<string, Specialism> {
  return new Map(specialisms.map((s) => [s.code, s]));
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
    if (first !== undefined) fail('duplicate', `duplicate of line ${first}: same ${this.sameWhat}`);
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
    return { line: typeof lines === 'number' ? lines : 0, code: 'file', reason: `the file is not valid CSV: ${(error as Error).message}` };
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
  if (label === '') fail('no_specialism_code', 'Specialism is missing');
  const codes = [...label.matchAll(SPECIALISM_CODE_IN_LABEL)].map((m) => m[1]!.padStart(4, '0'));
  if (codes.length === 0) fail('no_specialism_code', `unknown specialism "${label}": Specialism has no code in brackets, e.g. "Orthopedie (305)"`);
  // Shared labels such as "Orthopedie (305) / Chirurgie (heelkunde) (303)" are filed under the first code.
  const code = codes[0]!;
  if (!known.has(code)) fail('unknown_specialism', `unknown specialism code ${code} in Specialism "${label}"`);
  return code;
}

function nzaInsufficient(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  const raw = text(value).toLowerCase();
  if (raw === '') return null;
  if (raw === 'ja' || raw === 'true') return true;
  if (raw === 'nee' || raw === 'false') return false;
  return fail('bad_record', `InsufficientObservations must be "Ja" or "Nee", got "${text(value)}"`);
}

function slug(value: string): string {
  return toMatchKey(value).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'x';
}

/**
 * What the NZa records of one file add to the known providers: providers and locations drafted
 * from the records, and AGB codes learnt for known ones. Later records of the same provider or
 * location find the drafts, so one clinic becomes one provider, not one per treatment.
 */
class NzaCatalog {
  readonly byLocationAgb = new Map<string, { hospital: Hospital; location: HospitalLocation }>();
  readonly byHospitalAgb = new Map<string, Hospital>();
  private readonly byLocationKey = new Map<string, { hospital: Hospital; location: HospitalLocation }>();
  private readonly draftsByName = new Map<string, Hospital>();
  private readonly extraLocations = new Map<string, HospitalLocation[]>();
  private readonly takenNames = new Set<string>();
  private readonly takenIds = new Set<string>();
  readonly newProviders: NewProvider[] = [];
  readonly newLocations: NewLocation[] = [];
  readonly agbUpdates = new Map<string, AgbUpdate>();

  constructor(hospitals: readonly Hospital[]) {
    for (const hospital of hospitals) {
      this.takenNames.add(toMatchKey(hospital.officialName));
      this.takenIds.add(hospital.id);
      if (hospital.agbCode) this.byHospitalAgb.set(hospital.agbCode, hospital);
      for (const location of hospital.locations) {
        this.takenIds.add(location.id);
        if (location.agbCode) this.byLocationAgb.set(location.agbCode, { hospital, location });
        const key = (location as { nzaLocationKey?: string | null }).nzaLocationKey;
        if (key) this.byLocationKey.set(key.toLowerCase(), { hospital, location });
      }
    }
  }

  locationsOf(hospital: Hospital): HospitalLocation[] {
    const extra = this.extraLocations.get(hospital.id);
    return extra ? [...hospital.locations, ...extra] : hospital.locations;
  }

  byKey(locationKey: string): { hospital: Hospital; location: HospitalLocation } | undefined {
    return locationKey ? this.byLocationKey.get(locationKey.toLowerCase()) : undefined;
  }

  draftNamed(name: string): Hospital | undefined {
    return this.draftsByName.get(toMatchKey(name));
  }

  learnAgb(kind: 'hospital' | 'location', id: string, current: string | null, agb: string | null): void {
    // Only a missing code is filled in: a stored code is never overwritten by a file.
    if (!agb || current || this.agbUpdates.has(`${kind}|${id}`)) return;
    this.agbUpdates.set(`${kind}|${id}`, { kind, id, agbCode: agb });
  }

  private uniqueId(base: string): string {
    let id = base;
    for (let n = 2; this.takenIds.has(id); n++) id = `${base}-${n}`;
    this.takenIds.add(id);
    return id;
  }

  addProvider(input: { name: string; agb: string | null; kvk: string | null; city: string; line: number; date: string }): Hospital {
    // Two organisations may share a trade name ("Bergman Clinics"): the town tells them apart.
    let officialName = input.name;
    if (this.takenNames.has(toMatchKey(officialName))) officialName = `${input.name} (${input.city || input.agb || input.line})`;
    this.takenNames.add(toMatchKey(officialName));
    const id = this.uniqueId(`nza-${input.agb ?? slug(input.name)}`);
    // "Kliniek X B.V." is "Kliniek X" to a patient: the name without its legal form is an alias.
    const short = input.name.replace(/^stichting\s+/i, '').replace(/[\s,]+(b\.?\s?v\.?|n\.?\s?v\.?)$/i, '').trim();
    const aliases = short !== input.name && short.length >= 4 && !this.takenNames.has(toMatchKey(short)) ? [short] : [];
    const hospital: Hospital = { id, officialName, kind: 'zbc', agbCode: input.agb, aliases, website: null, locations: [] };
    this.newProviders.push({ id, officialName, aliases, agbCode: input.agb, kvkNumber: input.kvk, line: input.line, originDate: input.date });
    if (input.agb) this.byHospitalAgb.set(input.agb, hospital);
    this.draftsByName.set(toMatchKey(input.name), hospital);
    return hospital;
  }

  addLocation(hospital: Hospital, input: Omit<NewLocation, 'id' | 'hospitalId'>): HospitalLocation {
    const id = this.uniqueId(`nza-loc-${input.agbCode ?? slug(`${input.name}-${input.postcode}`)}`);
    const location: HospitalLocation = {
      id, name: input.name, city: input.city, postcode: input.postcode, pc4: input.pc4, latitude: input.latitude, longitude: input.longitude, agbCode: input.agbCode, hasEmergency: false,
    };
    this.newLocations.push({ ...input, id, hospitalId: hospital.id });
    const extra = this.extraLocations.get(hospital.id) ?? [];
    extra.push(location);
    this.extraLocations.set(hospital.id, extra);
    if (input.agbCode) this.byLocationAgb.set(input.agbCode, { hospital, location });
    if (input.nzaLocationKey) this.byLocationKey.set(input.nzaLocationKey.toLowerCase(), { hospital, location });
    return location;
  }
}

/** A town as people write it: NZa gives "ROTTERDAM", "'S-GRAVENHAGE". */
function townName(raw: string): string {
  if (raw !== raw.toUpperCase()) return raw;
  return raw.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, letter: string) => sep + letter.toUpperCase()).replace(/^'S-/i, "'s-");
}

function nzaRow(record: Record<string, unknown>, line: number, ctx: ImportContext, known: Map<string, Specialism>, catalog: NzaCatalog, source: string): ValidRow {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) fail('bad_record', 'record is not an object with NZa fields');
  const specialismCode = nzaSpecialism(text(record.Specialism), known);
  const typeRaw = text(record.TreatmentType);
  if (typeRaw === '') fail('bad_care_type', 'TreatmentType is missing');
  const careType = careTypeFromNza(typeRaw) ?? fail('bad_care_type', `unknown TreatmentType "${typeRaw}" (expected Polikliniekbezoek, Diagnostiek or Behandeling)`);
  const measuredAt = measurementDate(text(record.Date), 'Date', ctx.now, true);

  const insufficientFlag = nzaInsufficient(record.InsufficientObservations);
  const waitRaw = text(record.WaitingTime);
  let days: number | null = null;
  const insufficient = insufficientFlag === true;
  if (!insufficient) {
    if (waitRaw === '') fail('missing_wait', insufficientFlag === false ? 'WaitingTime is missing while InsufficientObservations is "Nee"' : 'WaitingTime is missing');
    days = checkDays(parseNumber(waitRaw, 'WaitingTime'), 'WaitingTime');
  }

  const locationAgb = agbCode(record.Location_AGBCode, 'Location_AGBCode');
  const providerAgb = agbCode(record.CareProvider_AGBCode, 'CareProvider_AGBCode');
  const providerName = text(record.CareProvider);
  const locationName = text(record.Location);
  const locationKey = text(record.LocationKey);
  const postcodeRaw = text(record.PostalCode);
  const city = text(record.City);
  if (!locationAgb && !providerAgb && !providerName && !locationName) fail('missing_provider', 'CareProvider is missing (and there is no AGB code or Location)');
  let postcode: string | null = null;
  if (postcodeRaw !== '') {
    const parsed = parsePostcode(postcodeRaw);
    if (!parsed.ok || !parsed.hasLetters) fail('bad_postcode', `PostalCode "${postcodeRaw}" is not a Dutch postcode (1234AB)`);
    postcode = parsed.postcode;
  }

  // Matching order: location AGB code, NZa location key, provider AGB code, then the provider's
  // (or location's) official name or alias together with the address.
  let hospital: Hospital | null = null;
  let location: HospitalLocation | null = null;
  const direct = (locationAgb ? catalog.byLocationAgb.get(locationAgb) : undefined) ?? catalog.byKey(locationKey);
  if (direct) ({ hospital, location } = direct);
  else {
    const named = providerName ? ctx.resolveHospital(providerName) : null;
    const namedLocation = locationName ? ctx.resolveHospital(locationName) : null;
    hospital =
      (providerAgb ? catalog.byHospitalAgb.get(providerAgb) : undefined) ??
      named?.hospital ??
      namedLocation?.hospital ??
      (providerName ? catalog.draftNamed(providerName) : undefined) ??
      null;
    if (hospital) {
      const hint = namedLocation?.hospital.id === hospital.id ? namedLocation.location : named?.hospital.id === hospital.id ? named.location : null;
      // A location with another AGB code or NZa key than the record's is another location, even in the same town.
      const candidates = catalog.locationsOf(hospital).filter((l) => {
        if (locationAgb && l.agbCode && l.agbCode !== locationAgb) return false;
        const key = (l as { nzaLocationKey?: string | null }).nzaLocationKey;
        return !(locationKey && key && key.toLowerCase() !== locationKey.toLowerCase());
      });
      location = pickLocation({ ...hospital, locations: candidates }, { location: hint && candidates.includes(hint) ? hint : null, postcode: postcode ?? '', city });
    }
  }
  const originDate = measuredAt;
  if (!hospital || !location) {
    if (!ctx.pc4) {
      if (!hospital) fail('unknown_hospital', `unknown hospital: CareProvider "${providerName}"${providerAgb ? ` (AGB ${providerAgb})` : ''} is not in the hospital reference data`);
      fail('unknown_location', `unknown location "${locationName}" (${[postcodeRaw, city].filter(Boolean).join(' ')}) for ${hospital.officialName}; known: ${describeLocations(hospital)}`);
    }
    // A provider or location nobody knows yet: drafted from the record, at its PC4 centre.
    if (!postcode) fail('bad_postcode', `PostalCode is missing, so the new location "${locationName || providerName}" cannot be placed`);
    const point = ctx.pc4.get(postcode.slice(0, 4));
    if (!point) fail('bad_postcode', `PostalCode ${postcode}: its area ${postcode.slice(0, 4)} is not in the PC4 table, so the location cannot be placed`);
    if (!hospital) {
      if (!providerName && !locationName) fail('missing_provider', 'CareProvider is missing');
      const kvkRaw = text(record.KVKNumber);
      hospital = catalog.addProvider({ name: providerName || locationName, agb: providerAgb, kvk: /^\d{8}$/.test(kvkRaw) && !/^0+$/.test(kvkRaw) ? kvkRaw : null, city: townName(city), line, date: originDate });
    }
    location = catalog.addLocation(hospital, {
      name: locationName || hospital.officialName,
      city: townName(city) || point.pc4,
      postcode,
      pc4: point.pc4,
      latitude: point.latitude,
      longitude: point.longitude,
      agbCode: locationAgb,
      street: text(record.Street) || null,
      houseNumber: text(record.StreetNumber) || null,
      nzaLocationKey: locationKey || null,
      line,
      originDate,
    });
  } else {
    // A known hospital matched by name and address learns its AGB codes from the file.
    catalog.learnAgb('hospital', hospital.id, hospital.agbCode, providerAgb);
    catalog.learnAgb('location', location.id, location.agbCode, locationAgb);
    if (locationAgb && !location.agbCode && !catalog.byLocationAgb.has(locationAgb)) catalog.byLocationAgb.set(locationAgb, { hospital, location });
    if (providerAgb && !hospital.agbCode && !catalog.byHospitalAgb.has(providerAgb)) catalog.byHospitalAgb.set(providerAgb, hospital);
  }

  const treatment = text(record.Treatment) || null;
  return { line, origin: 'nza', hospitalId: hospital.id, locationId: location.id, specialismCode, careType, days, insufficient, measuredAt, source, treatment };
}

const xmlParser = new XMLParser({
  // Values stay strings: AGB codes keep their leading zero, "Nee" stays "Nee".
  parseTagValue: false,
  ignoreAttributes: true,
  removeNSPrefix: true,
  processEntities: true,
  trimValues: true,
  isArray: (name) => name === 'TL_REST',
});

/** The records of an NZa XML answer (`<TL_RESTs><TL_REST>…</TL_REST></TL_RESTs>`), or why the file cannot be read. */
export function readNzaXml(content: string): { records: unknown[] } | { error: string } {
  let doc: unknown;
  try {
    doc = xmlParser.parse(content, true);
  } catch (error) {
    return { error: `the file is not valid XML: ${(error as Error).message}` };
  }
  const root = doc && typeof doc === 'object' ? (doc as Record<string, unknown>).TL_RESTs : undefined;
  if (root === undefined) return { error: 'expected an XML document with a <TL_RESTs> root (NZa WaitingTimeMSZ)' };
  if (root === '' || root === null) return { records: [] };
  const list = (root as Record<string, unknown>).TL_REST;
  return { records: Array.isArray(list) ? list : [] };
}

function sniffXml(content: string): boolean {
  return content.replace(/^\ufeff/, '').trimStart().startsWith('<');
}

function emptyResult(errors: ImportError[] = []): ImportResult {
  return { rows: [], errors, total: 0, newProviders: [], newLocations: [], agbUpdates: [] };
}

/**
 * Parses NZa Zorgbeeld WaitingTimeMSZ records: XML or a JSON array (records numbered from 1),
 * or a CSV with the same column names (the header is line 1). WaitingTime is in days.
 */
export function parseNzaWaitingTimes(content: string, ctx: ImportContext, options: { format?: 'xml' | 'json' | 'csv'; source?: string } = {}): ImportResult {
  const known = specialismIndex(ctx.specialisms);
  const catalog = new NzaCatalog(ctx.hospitals);
  const source = options.source ?? NZA_SOURCE;
  const rows: ValidRow[] = [];
  const errors: ImportError[] = [];
  const duplicates = new Duplicates('location, specialism, care type, treatment and date');
  let total = 0;

  const take = (record: Record<string, unknown>, line: number) => {
    total += 1;
    try {
      const row = nzaRow(record, line, ctx, known, catalog, source);
      // The treatment name is part of the stored key, so two records with one name are duplicates.
      duplicates.check(`${row.locationId}|${row.specialismCode}|${row.careType}|${row.measuredAt}|${row.treatment ?? text(record.TreatmentKey)}`, line);
      rows.push(row);
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      errors.push({ line, code: error.code, reason: error.message });
    }
  };
  const done = (): ImportResult => ({ rows, errors, total, newProviders: catalog.newProviders, newLocations: catalog.newLocations, agbUpdates: [...catalog.agbUpdates.values()] });

  const format = options.format ?? (sniffXml(content) ? 'xml' : sniffJson(content) ? 'json' : 'csv');
  if (format === 'xml') {
    const read = readNzaXml(content);
    if ('error' in read) return emptyResult([{ line: 0, code: 'file', reason: read.error }]);
    read.records.forEach((record, index) => take(record as Record<string, unknown>, index + 1));
    return done();
  }
  if (format === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(content.replace(/^\ufeff/, ''));
    } catch (error) {
      return emptyResult([{ line: 0, code: 'file', reason: `the file is not valid JSON: ${(error as Error).message}` }]);
    }
    // Some clients wrap the list as the XML does: {"TL_RESTs": {"TL_REST": [...]}} or {"TL_REST": [...]}.
    if (data && typeof data === 'object' && !Array.isArray(data)) {
      const wrapped = data as Record<string, unknown>;
      const inner = (wrapped.TL_RESTs as Record<string, unknown> | undefined)?.TL_REST ?? wrapped.TL_REST;
      if (Array.isArray(inner)) data = inner;
    }
    if (!Array.isArray(data)) return emptyResult([{ line: 0, code: 'file', reason: 'expected a JSON array of WaitingTimeMSZ records' }]);
    data.forEach((record, index) => take(record as Record<string, unknown>, index + 1));
    return done();
  }

  const csv = readCsv(content);
  if (!('records' in csv)) return emptyResult([csv]);
  const missing = ['Specialism', 'TreatmentType', 'Date'].filter((c) => !csv.header.includes(c));
  if (missing.length > 0) return emptyResult([{ line: 1, code: 'file', reason: `missing column(s): ${missing.join(', ')}` }]);
  for (const record of csv.records) {
    if (record.problem) {
      total += 1;
      errors.push({ line: record.line, code: 'bad_record', reason: `line ${record.problem}` });
    } else take(record.fields, record.line);
  }
  return done();
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
  if (hospitalName === '') fail('missing_field', 'hospital is missing');
  const resolved = ctx.resolveHospital(hospitalName);
  if (!resolved) fail('unknown_hospital', `unknown hospital "${hospitalName}": use the official name or an alias from reference/hospitals.json`);
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
    if (!location) fail('unknown_location', `unknown location "${locationName}" for ${hospital.officialName}; known: ${describeLocations(hospital)}`);
  } else {
    location = resolved.location ?? (hospital.locations.length === 1 ? hospital.locations[0]! : null);
    if (!location) fail('unknown_location', `${hospital.officialName} has ${hospital.locations.length} locations; say which in the location column: ${describeLocations(hospital)}`);
  }

  const specialismRaw = fields.specialism ?? '';
  if (specialismRaw === '') fail('missing_field', 'specialism is missing');
  if (!/^\d{3,4}$/.test(specialismRaw)) fail('unknown_specialism', `specialism "${specialismRaw}" is not a specialism code (e.g. 0305)`);
  const specialismCode = specialismRaw.padStart(4, '0');
  if (!known.has(specialismCode)) fail('unknown_specialism', `unknown specialism code ${specialismCode}`);

  const careRaw = (fields.care_type ?? '').toLowerCase().replace(/[\s-]+/g, '_');
  if (careRaw === '') fail('missing_field', 'care_type is missing');
  const careType = CARE_TYPE_WORDS[careRaw] ?? fail('bad_care_type', `unknown care_type "${fields.care_type}" (expected outpatient, diagnostics, day_treatment, clinical or treatment)`);

  const daysRaw = fields.waiting_days ?? '';
  const weeksRaw = fields.waiting_weeks ?? '';
  if (daysRaw === '' && weeksRaw === '') fail('missing_wait', 'waiting_days or waiting_weeks is missing');
  let days: number;
  if (daysRaw !== '') {
    days = checkDays(parseNumber(daysRaw, 'waiting_days'), 'waiting_days');
    if (weeksRaw !== '' && Math.abs(parseNumber(weeksRaw, 'waiting_weeks') * 7 - days) >= 7) {
      fail('bad_wait', `waiting_days ${daysRaw} and waiting_weeks ${weeksRaw} disagree; give one of them`);
    }
  } else {
    const weeks = parseNumber(weeksRaw, 'waiting_weeks');
    if (weeks < 0) fail('bad_wait', `waiting_weeks ${weeks} is negative`);
    days = checkDays(Math.round(weeks * 7), 'waiting_weeks × 7');
  }

  const measuredAt = measurementDate(fields.measured_at ?? '', 'measured_at', ctx.now, false);
  const source = fields.source ?? '';
  if (source === '') fail('missing_field', 'source is missing (say where the figure comes from, e.g. the hospital web page)');

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
  if (!('records' in csv)) return emptyResult([csv]);
  const required = ['hospital', 'specialism', 'care_type', 'measured_at', 'source'];
  const missing = required.filter((c) => !csv.header.includes(c));
  if (!csv.header.includes('waiting_days') && !csv.header.includes('waiting_weeks')) missing.push('waiting_days or waiting_weeks');
  if (missing.length > 0) return emptyResult([{ line: 1, code: 'file', reason: `missing column(s): ${missing.join(', ')}` }]);

  const duplicates = new Duplicates('location, specialism, care type and date');
  for (const record of csv.records) {
    if (record.problem) {
      errors.push({ line: record.line, code: 'bad_record', reason: `line ${record.problem}` });
      continue;
    }
    try {
      const row = hospitalRow(record.fields, record.line, ctx, known);
      duplicates.check(`${row.locationId}|${row.specialismCode}|${row.careType}|${row.measuredAt}`, record.line);
      rows.push(row);
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      errors.push({ line: record.line, code: error.code, reason: error.message });
    }
  }
  return { ...emptyResult(errors), rows, total: csv.records.length };
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
