/**
 * Loads the shipped reference data (reference/*.json|csv), validates it with zod so a broken
 * file fails loudly with its name and the problem, and builds the name indexes that turn what
 * a patient types ("het Maasstad", "AMC", "univé") into a hospital or insurer.
 *
 * Synchronous on purpose: it runs once at start-up (and once per test file); the result is
 * cached per directory.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import Fuse from 'fuse.js';
import { distance } from 'fastest-levenshtein';
import { z } from 'zod';
import type {
  Hospital,
  HospitalLocation,
  InsurerConcern,
  InsurerLabel,
  Pc4Point,
  ReferenceData,
  Specialism,
  TreatmentTerm,
} from '../domain/reference.ts';
import { normalizeText, toMatchKey } from '../domain/text.ts';

// ---------------------------------------------------------------------------------------------
// Types: the shared types plus the provenance fields the JSON files carry.

/** Where a location's coordinates come from (see reference/README.md). */
export type CoordinateSource = 'ziekenhuislocaties-2019' | 'pc4-centroid';

/** A location as shipped: the shared type plus location-specific aliases and provenance. */
export interface HospitalLocationRecord extends HospitalLocation {
  aliases: string[];
  coordinateSource: CoordinateSource;
  /** NZa LocationKey of an imported location. */
  nzaLocationKey?: string | null;
  /** Absent or "reference" for shipped locations; the import source for locations created from NZa records. */
  origin?: string;
  /** Date of the record an imported location was created from, YYYY-MM-DD. */
  originDate?: string | null;
}

/** A hospital as shipped; `specialisms` lists what a categorical hospital or ZBC offers (null = general). */
export interface HospitalRecord extends Hospital {
  locations: HospitalLocationRecord[];
  specialisms: string[] | null;
  kvkNumber?: string | null;
  /** Absent or "reference" for shipped hospitals; the import source for providers created from NZa records. */
  origin?: string;
  originDate?: string | null;
}

/** A verified public route to a mediation desk. */
export interface MediationContact {
  phone: string | null;
  url: string | null;
  source: string | null;
  hours?: string | null;
}

/** An insurer label as shipped; some labels run their own mediation desk (e.g. Univé). */
export interface InsurerLabelRecord extends InsurerLabel {
  mediationContact: MediationContact | null;
}

/** An insurer concern as shipped. */
export interface InsurerConcernRecord extends InsurerConcern {
  labels: InsurerLabelRecord[];
  mediationContact: MediationContact | null;
}

/** Everything in reference/, validated. */
export interface LoadedReferenceData extends ReferenceData {
  dir: string;
  hospitals: HospitalRecord[];
  insurers: InsurerConcernRecord[];
  hospitalsGeneratedFrom: unknown;
}

/** A reference file that cannot be used; the message names the file and what is wrong. */
export class ReferenceDataError extends Error {
  override readonly name = 'ReferenceDataError';
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.slice(0, 10).join('; ')}${problems.length > 10 ? `; … ${problems.length - 10} more` : ''}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Schemas

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SPECIALISM_CODE = /^\d{4}$/;
// Dutch postcodes run 1000–9999; letters SA, SD and SS are never issued.
const POSTCODE6 = /^[1-9]\d{3}(?!SA|SD|SS)[A-Z]{2}$/;
const PC4 = /^[1-9]\d{3}$/;
/** Generous bounding box of the European Netherlands (Wadden islands, Zeeuws-Vlaanderen and Limburg included). */
export const NL_BBOX = { minLat: 50.7, maxLat: 53.7, minLon: 3.3, maxLon: 7.3 } as const;

const latitude = z.number().min(NL_BBOX.minLat).max(NL_BBOX.maxLat);
const longitude = z.number().min(NL_BBOX.minLon).max(NL_BBOX.maxLon);
const nonEmpty = z.string().trim().min(1);
const agb = z.string().regex(/^\d{8}$/, 'an AGB code has 8 digits').nullable();

const locationSchema = z.object({
  id: z.string().regex(SLUG, 'ids are lower-case slugs'),
  name: nonEmpty,
  city: nonEmpty,
  postcode: z.string().regex(POSTCODE6, 'postcode must look like 1234AB').nullable(),
  pc4: z.string().regex(PC4, 'pc4 must be four digits, 1000-9999').nullable(),
  latitude,
  longitude,
  agbCode: agb,
  hasEmergency: z.boolean(),
  coordinateSource: z.enum(['ziekenhuislocaties-2019', 'pc4-centroid']),
  aliases: z.array(nonEmpty).default([]),
  source2019: z.unknown().optional(),
});

const hospitalSchema = z.object({
  id: z.string().regex(SLUG, 'ids are lower-case slugs'),
  officialName: nonEmpty,
  kind: z.enum(['umc', 'general', 'top_clinical', 'categorical', 'zbc']),
  agbCode: agb,
  aliases: z.array(nonEmpty),
  website: z.url().nullable(),
  specialisms: z.array(z.string().regex(SPECIALISM_CODE)).nullable().default(null),
  locations: z.array(locationSchema).min(1, 'a hospital needs at least one location'),
});

const hospitalsFileSchema = z.object({
  generatedFrom: z.unknown(),
  hospitals: z.array(hospitalSchema).min(1),
});

const surfaceForm = z
  .string()
  .min(1)
  .refine((s) => s === normalizeText(s), 'surface forms are lower case without accents or extra spaces');

const careTypeSchema = z.enum(['outpatient', 'diagnostics', 'day_treatment', 'clinical', 'treatment']);

const treatmentSchema = z.object({
  id: z.string().regex(SLUG),
  terms: z.object({ nl: z.array(surfaceForm).min(1), en: z.array(surfaceForm).min(1) }),
  specialty: z.string().regex(SPECIALISM_CODE),
  careType: careTypeSchema,
  label: z.object({ nl: nonEmpty, en: nonEmpty }),
});

const contactSchema = z.object({
  phone: z.string().nullable(),
  url: z.url().nullable(),
  source: z.url().nullable(),
  hours: z.string().nullable().optional(),
});

const insurerSchema = z.object({
  id: z.string().regex(SLUG),
  name: nonEmpty,
  labels: z
    .array(
      z.object({
        id: z.string().regex(SLUG),
        name: nonEmpty,
        aliases: z.array(nonEmpty),
        mediationContact: contactSchema.nullable().default(null),
      }),
    )
    .min(1),
  mediationContact: contactSchema.nullable(),
});

const specialismRow = z.object({
  code: z.string().regex(SPECIALISM_CODE, 'code must be four digits, e.g. 0305'),
  name_nl: nonEmpty,
  name_en: nonEmpty,
});

const pc4Row = z.object({
  pc4: z.string().regex(PC4, 'pc4 must be four digits, 1000-9999'),
  lat: z.coerce.number().pipe(latitude),
  lon: z.coerce.number().pipe(longitude),
});

// ---------------------------------------------------------------------------------------------
// Loading

const DEFAULT_DIR = fileURLToPath(new URL('../../reference/', import.meta.url));
const cache = new Map<string, LoadedReferenceData>();

function issuesOf(error: z.ZodError, prefix = ''): string[] {
  return error.issues.map((issue) => {
    const where = [prefix, ...issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))]
      .join('')
      .replace(/^\./, '');
    return `${where || '(root)'}: ${issue.message}`;
  });
}

function readText(file: string, label: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new ReferenceDataError(label, [`cannot be read (${(error as Error).message})`]);
  }
}

function readJson<T>(dir: string, name: string, schema: z.ZodType<T>): T {
  const label = `reference/${name}`;
  let raw: unknown;
  try {
    raw = JSON.parse(readText(path.join(dir, name), label));
  } catch (error) {
    if (error instanceof ReferenceDataError) throw error;
    throw new ReferenceDataError(label, [`is not valid JSON (${(error as Error).message})`]);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ReferenceDataError(label, issuesOf(parsed.error));
  return parsed.data;
}

function readCsv<T>(dir: string, name: string, schema: z.ZodType<T>): T[] {
  const label = `reference/${name}`;
  let records: Record<string, string>[];
  try {
    records = parseCsv(readText(path.join(dir, name), label), { columns: true, bom: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    if (error instanceof ReferenceDataError) throw error;
    throw new ReferenceDataError(label, [`is not valid CSV (${(error as Error).message})`]);
  }
  const rows: T[] = [];
  const problems: string[] = [];
  records.forEach((record, index) => {
    const parsed = schema.safeParse(record);
    // Line numbers as an editor shows them: the header is line 1.
    if (parsed.success) rows.push(parsed.data);
    else problems.push(...issuesOf(parsed.error, `line ${index + 2}: `).map((p) => p.replace(': .', ': ')));
  });
  if (problems.length > 0) throw new ReferenceDataError(label, problems);
  return rows;
}

function duplicates(values: Iterable<string>): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

function checkHospitals(hospitals: HospitalRecord[], specialismCodes: Set<string>): void {
  const problems: string[] = [];
  for (const id of duplicates(hospitals.map((h) => h.id))) problems.push(`hospital id "${id}" is used twice`);
  for (const id of duplicates(hospitals.flatMap((h) => h.locations.map((l) => l.id)))) problems.push(`location id "${id}" is used twice`);
  const owner = new Map<string, string>();
  for (const h of hospitals) {
    for (const code of h.specialisms ?? []) {
      if (!specialismCodes.has(code)) problems.push(`${h.id}: specialism ${code} is not in specialisms.csv`);
    }
    for (const l of h.locations) {
      if (l.postcode && l.pc4 !== l.postcode.slice(0, 4)) problems.push(`${l.id}: pc4 ${l.pc4} does not match postcode ${l.postcode}`);
    }
    // A name must point to one hospital only, or resolving it would be a coin toss.
    for (const name of new Set([h.officialName, ...h.aliases].map(nameKey))) {
      const other = owner.get(name);
      if (other && other !== h.id) problems.push(`name "${name}" is used by both ${other} and ${h.id}`);
      owner.set(name, h.id);
    }
  }
  if (problems.length > 0) throw new ReferenceDataError('reference/hospitals.json', problems);
}

function checkTreatments(treatments: TreatmentTerm[], specialismCodes: Set<string>): void {
  const problems: string[] = [];
  for (const id of duplicates(treatments.map((t) => t.id))) problems.push(`treatment id "${id}" is used twice`);
  const owner = new Map<string, string>();
  for (const t of treatments) {
    if (!specialismCodes.has(t.specialty)) problems.push(`${t.id}: specialty ${t.specialty} is not in specialisms.csv`);
    for (const form of new Set([...t.terms.nl, ...t.terms.en].map(toMatchKey))) {
      const other = owner.get(form);
      if (other && other !== t.id) problems.push(`surface form "${form}" belongs to both ${other} and ${t.id}`);
      owner.set(form, t.id);
    }
  }
  if (problems.length > 0) throw new ReferenceDataError('reference/treatments.json', problems);
}

function checkInsurers(insurers: InsurerConcernRecord[]): void {
  const problems: string[] = [];
  for (const id of duplicates(insurers.map((c) => c.id))) problems.push(`concern id "${id}" is used twice`);
  for (const id of duplicates(insurers.flatMap((c) => c.labels.map((l) => l.id)))) problems.push(`label id "${id}" is used twice`);
  const owner = new Map<string, string>();
  for (const c of insurers) {
    for (const l of c.labels) {
      for (const name of new Set([l.name, ...l.aliases].map(toMatchKey))) {
        const other = owner.get(name);
        if (other && other !== l.id) problems.push(`name "${name}" is used by both ${other} and ${l.id}`);
        owner.set(name, l.id);
      }
    }
  }
  if (problems.length > 0) throw new ReferenceDataError('reference/insurers.json', problems);
}

/** Loads and validates reference/ (or `dir`), cached per directory; throws ReferenceDataError naming the file. */
export function loadReferenceData(dir: string = DEFAULT_DIR): LoadedReferenceData {
  const resolved = path.resolve(dir);
  const cached = cache.get(resolved);
  if (cached) return cached;

  const specialisms: Specialism[] = readCsv(resolved, 'specialisms.csv', specialismRow).map((r) => ({
    code: r.code,
    nameNl: r.name_nl,
    nameEn: r.name_en,
  }));
  const codeDupes = duplicates(specialisms.map((s) => s.code));
  if (codeDupes.length > 0) throw new ReferenceDataError('reference/specialisms.csv', codeDupes.map((c) => `code ${c} is listed twice`));
  const specialismCodes = new Set(specialisms.map((s) => s.code));

  const pc4 = new Map<string, Pc4Point>();
  for (const row of readCsv(resolved, 'pc4.csv', pc4Row)) {
    if (pc4.has(row.pc4)) throw new ReferenceDataError('reference/pc4.csv', [`pc4 ${row.pc4} is listed twice`]);
    pc4.set(row.pc4, { pc4: row.pc4, latitude: row.lat, longitude: row.lon });
  }

  const hospitalsFile = readJson(resolved, 'hospitals.json', hospitalsFileSchema);
  const hospitals: HospitalRecord[] = hospitalsFile.hospitals.map((h) => ({
    id: h.id,
    officialName: h.officialName,
    kind: h.kind,
    agbCode: h.agbCode,
    aliases: h.aliases,
    website: h.website,
    specialisms: h.specialisms,
    locations: h.locations.map((l) => ({
      id: l.id,
      name: l.name,
      city: l.city,
      postcode: l.postcode,
      pc4: l.pc4,
      latitude: l.latitude,
      longitude: l.longitude,
      agbCode: l.agbCode,
      hasEmergency: l.hasEmergency,
      aliases: l.aliases,
      coordinateSource: l.coordinateSource,
    })),
  }));
  checkHospitals(hospitals, specialismCodes);

  const treatments: TreatmentTerm[] = readJson(resolved, 'treatments.json', z.array(treatmentSchema));
  checkTreatments(treatments, specialismCodes);

  const insurers: InsurerConcernRecord[] = readJson(resolved, 'insurers.json', z.array(insurerSchema));
  checkInsurers(insurers);

  const data: LoadedReferenceData = {
    dir: resolved,
    hospitals,
    specialisms,
    treatments,
    insurers,
    pc4,
    hospitalsGeneratedFrom: hospitalsFile.generatedFrom,
  };
  cache.set(resolved, data);
  return data;
}

// ---------------------------------------------------------------------------------------------
// Hospital names

// Leading words that carry no name: articles and the prepositions a patient puts before a
// hospital in a one-line answer ("bij het Erasmus", "in de Antonius").
const LEADING_FILLERS = new Set(['het', 'de', 'the', 't', 'in', 'bij', 'naar', 'at', 'uit', 'van', 'to', 'from']);

// Words that say "a hospital" without naming one; a name minus these words often still names
// it ("Zaans Medisch Centrum" → "zaans"), but those shortened keys are only trusted when a
// cue stands before them in a sentence (see WEAK_KEYS).
const GENERIC_WORDS = new Set([
  'ziekenhuis', 'ziekenhuizen', 'hospital', 'medisch', 'centrum', 'mc', 'umc', 'universitair', 'gasthuis',
  'kliniek', 'klinieken', 'clinics', 'clinic', 'zorggroep', 'groep', 'locatie', 'academisch',
]);

// Keys that are also ordinary words, given names or region names. Inside a sentence they count
// as a hospital only right after a cue ("in het Catharina", "de Antonius"): "mijn dochter
// Anna" or "ik woon in het Groene Hart"-like sentences must not turn into a hospital.
const WEAK_KEYS = new Set([
  'anna', 'antonius', 'catharina', 'maxima', 'sophia', 'martini', 'meander', 'noordwest', 'westeinde', 'rivierenland',
  'gelderse vallei', 'groene hart', 'zonnestraal', 'bergman', 'rode kruis', 'oogziekenhuis', 'ijsselland', 'diak',
  'franciscus', 'amstelland', 'haaglanden', 'ommelander', 'jan van goyen', 'smc', 'mch', 'cze',
]);

// What may stand right before a weak or misspelt name in a sentence.
const CUES = new Set(['het', 'de', 't', 'in', 'bij', 'naar', 'uit', 'van', 'ziekenhuis', 'the', 'at']);

function stripLeading(words: string[]): string[] {
  let i = 0;
  while (i < words.length - 1 && LEADING_FILLERS.has(words[i]!)) i++;
  return words.slice(i);
}

/** The comparison key of a hospital name: toMatchKey without leading articles ("het Maasstad" → "maasstad"). */
export function nameKey(text: string): string {
  const key = toMatchKey(text);
  return key === '' ? '' : stripLeading(key.split(' ')).join(' ');
}

function withoutGenericWords(key: string): string {
  return key
    .split(' ')
    .filter((w) => !GENERIC_WORDS.has(w))
    .join(' ');
}

interface KeyEntry {
  key: string;
  hospital: HospitalRecord;
  location: HospitalLocationRecord | null;
  weak: boolean;
}

/** A hospital named in text. */
export interface HospitalMatch {
  hospital: HospitalRecord;
  /** The location when the name points at one ("VUmc", "Bronovo"), else null. */
  location: HospitalLocationRecord | null;
  /** 1 for an exact name, lower for a misspelling. */
  score: number;
  /** The key that matched. */
  matched: string;
}

/** A hospital found inside a longer text, with the character span in that text. */
export interface HospitalMention extends HospitalMatch {
  start: number;
  end: number;
  text: string;
}

interface Token {
  word: string;
  start: number;
  end: number;
}

// Letters/digits with inner dots or apostrophes ("a.s.r.", "d'r"), or "&" on its own.
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[.'’][\p{L}\p{M}\p{N}]+)*\.?|&/gu;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const key = toMatchKey(m[0]);
    if (key === '') continue;
    const start = m.index;
    const end = start + m[0].length;
    for (const word of key.split(' ')) tokens.push({ word, start, end });
  }
  return tokens;
}

function allowedEdits(length: number): number {
  if (length <= 4) return 0;
  if (length <= 9) return 1;
  return 2;
}

/** Name index over the hospitals: exact names and aliases first, then strict fuzzy matching. */
export class HospitalIndex {
  private readonly exact = new Map<string, KeyEntry>();
  private readonly maxWords: number;
  private readonly fuzzyBuckets = new Map<string, KeyEntry[]>();
  private readonly fuse: Fuse<string>;
  private readonly byLocation = new Map<string, { hospital: HospitalRecord; location: HospitalLocationRecord }>();
  private readonly byId = new Map<string, HospitalRecord>();

  constructor(readonly hospitals: readonly HospitalRecord[]) {
    const cities = new Set(hospitals.flatMap((h) => h.locations.map((l) => nameKey(l.city))));
    const derived = new Map<string, KeyEntry | null>(); // null = claimed by two hospitals

    for (const hospital of hospitals) {
      this.byId.set(hospital.id, hospital);
      const locationOf = new Map<string, HospitalLocationRecord>();
      for (const location of hospital.locations) {
        this.byLocation.set(location.id, { hospital, location });
        for (const alias of location.aliases) locationOf.set(nameKey(alias), location);
      }
      // A single-location hospital: every name points at that location.
      const only = hospital.locations.length === 1 ? hospital.locations[0]! : null;
      for (const name of [hospital.officialName, ...hospital.aliases]) {
        const key = nameKey(name);
        if (key === '') continue;
        const entry: KeyEntry = { key, hospital, location: locationOf.get(key) ?? only, weak: WEAK_KEYS.has(key) };
        const existing = this.exact.get(key);
        // The loader rejects a name shared by two reference hospitals; an imported provider never takes
        // a name another hospital already has. Within one hospital keep the most specific.
        if (!existing || (existing.hospital === hospital && existing.location === null && entry.location !== null)) this.exact.set(key, entry);

        const short = withoutGenericWords(key);
        if (short !== key && short.length >= 4 && !cities.has(short)) {
          const seen = derived.get(short);
          if (seen === undefined) derived.set(short, { key: short, hospital, location: entry.location, weak: true });
          else if (seen !== null && seen.hospital !== hospital) derived.set(short, null);
        }
      }
    }
    for (const [key, entry] of derived) {
      if (entry !== null && !this.exact.has(key)) this.exact.set(key, entry);
    }

    let maxWords = 1;
    for (const entry of this.exact.values()) {
      const words = entry.key.split(' ');
      maxWords = Math.max(maxWords, words.length);
      if (!entry.weak && entry.key.length >= 6) {
        const bucket = `${words.length}:${entry.key[0]}`;
        const list = this.fuzzyBuckets.get(bucket) ?? [];
        list.push(entry);
        this.fuzzyBuckets.set(bucket, list);
      }
    }
    this.maxWords = maxWords;
    this.fuse = new Fuse([...this.exact.keys()], { includeScore: true, threshold: 0.3, ignoreLocation: true, minMatchCharLength: 3 });
  }

  /** The hospital with this id, if any. */
  hospitalById(id: string): HospitalRecord | undefined {
    return this.byId.get(id);
  }

  /** A location and its hospital by location id, if any. */
  locationById(id: string): { hospital: HospitalRecord; location: HospitalLocationRecord } | undefined {
    return this.byLocation.get(id);
  }

  /** Hospitals with a location in this city ("Zwolle" → Isala); a city is not a hospital name, so callers ask. */
  hospitalsInCity(city: string): HospitalRecord[] {
    const key = nameKey(city);
    return this.hospitals.filter((h) => h.locations.some((l) => nameKey(l.city) === key));
  }

  /**
   * Resolves a text that is meant to name one hospital ("het Maasstad", "umc utrect"):
   * exact name or alias, then the name without generic words, then a single hospital named
   * inside the text, then a strict fuzzy match. Null when nothing fits closely enough.
   */
  resolveHospital(text: string, options: { fuzzy?: boolean } = {}): HospitalMatch | null {
    const key = nameKey(text);
    if (key === '') return null;
    const exact = this.exact.get(key) ?? this.exact.get(withoutGenericWords(key));
    if (exact) return { hospital: exact.hospital, location: exact.location, score: 1, matched: exact.key };

    const mentions = this.findHospitalMentions(text);
    const distinct = new Set(mentions.map((m) => m.hospital.id));
    if (distinct.size === 1) {
      const best = mentions.reduce((a, b) => (b.score > a.score ? b : a));
      return { hospital: best.hospital, location: best.location, score: best.score, matched: best.matched };
    }
    if (distinct.size > 1 || options.fuzzy === false) return null;
    return this.fuzzyWhole(key);
  }

  // Fuse proposes candidates; an edit-distance check on the whole key decides, so a query only
  // matches a name it nearly spells out ("maasstadt" → "maasstad"), never a name it merely contains.
  private fuzzyWhole(key: string): HospitalMatch | null {
    const limit = allowedEdits(key.length);
    if (limit === 0) return null;
    let best: { entry: KeyEntry; d: number } | null = null;
    let tie = false;
    for (const candidate of this.fuse.search(key, { limit: 25 })) {
      const entry = this.exact.get(candidate.item);
      if (!entry) continue;
      const d = distance(key, entry.key);
      if (d > limit || d > allowedEdits(entry.key.length)) continue;
      if (!best || d < best.d) {
        best = { entry, d };
        tie = false;
      } else if (d === best.d && entry.hospital !== best.entry.hospital) tie = true;
    }
    if (!best || tie) return null;
    const score = 1 - best.d / Math.max(key.length, best.entry.key.length);
    return { hospital: best.entry.hospital, location: best.entry.location, score, matched: best.entry.key };
  }

  /**
   * Finds hospitals named anywhere in a sentence: longest exact n-gram first, then a strict
   * misspelling match right after a cue ("in het maasstadt"). Non-overlapping, in text order.
   */
  findHospitalMentions(text: string): HospitalMention[] {
    const tokens = tokenize(text);
    const mentions: HospitalMention[] = [];
    const n = tokens.length;
    let i = 0;
    while (i < n) {
      const cue = i > 0 && CUES.has(tokens[i - 1]!.word);
      let found: { entry: KeyEntry; length: number; score: number } | null = null;
      for (let len = Math.min(this.maxWords, n - i); len >= 1 && !found; len--) {
        const key = joinWords(tokens, i, len);
        const entry = this.exact.get(key);
        if (entry && (!entry.weak || cue)) found = { entry, length: len, score: 1 };
      }
      if (!found && cue) found = this.fuzzyAt(tokens, i);
      if (found) {
        const first = tokens[i]!;
        const last = tokens[i + found.length - 1]!;
        mentions.push({
          hospital: found.entry.hospital,
          location: found.entry.location,
          score: found.score,
          matched: found.entry.key,
          start: first.start,
          end: last.end,
          text: text.slice(first.start, last.end),
        });
        i += found.length;
      } else i++;
    }
    return mentions;
  }

  private fuzzyAt(tokens: Token[], i: number): { entry: KeyEntry; length: number; score: number } | null {
    let best: { entry: KeyEntry; length: number; score: number; d: number } | null = null;
    for (let len = 1; len <= 3 && i + len <= tokens.length; len++) {
      const key = joinWords(tokens, i, len);
      const limit = allowedEdits(key.length);
      if (key.length < 6 || limit === 0) continue;
      for (const entry of this.fuzzyBuckets.get(`${len}:${key[0]}`) ?? []) {
        if (Math.abs(entry.key.length - key.length) > limit) continue;
        const d = distance(key, entry.key);
        if (d === 0 || d > limit || d > allowedEdits(entry.key.length)) continue;
        // Word by word too: a short word must be spelt exactly ("ziekenhuis de" is not "ziekenhuis ede").
        if (len > 1 && !wordsClose(key, entry.key)) continue;
        if (!best || d < best.d) best = { entry, length: len, d, score: 1 - d / Math.max(key.length, entry.key.length) };
      }
    }
    return best;
  }
}

function wordsClose(a: string, b: string): boolean {
  const wa = a.split(' ');
  const wb = b.split(' ');
  return wa.length === wb.length && wa.every((w, k) => distance(w, wb[k]!) <= allowedEdits(Math.min(w.length, wb[k]!.length)));
}

function joinWords(tokens: Token[], from: number, length: number): string {
  let key = tokens[from]!.word;
  for (let k = 1; k < length; k++) key += ` ${tokens[from + k]!.word}`;
  return key;
}

const hospitalIndexes = new WeakMap<readonly HospitalRecord[], HospitalIndex>();

/** The (cached) name index over these hospitals. */
export function getHospitalIndex(data: { hospitals: readonly HospitalRecord[] } = loadReferenceData()): HospitalIndex {
  let index = hospitalIndexes.get(data.hospitals);
  if (!index) {
    index = new HospitalIndex(data.hospitals);
    hospitalIndexes.set(data.hospitals, index);
  }
  return index;
}

/** Resolves a hospital name against the shipped reference data (see HospitalIndex.resolveHospital). */
export function resolveHospital(text: string, data?: { hospitals: readonly HospitalRecord[] }): HospitalMatch | null {
  return getHospitalIndex(data).resolveHospital(text);
}

/** Finds hospitals named in a sentence against the shipped reference data (see HospitalIndex.findHospitalMentions). */
export function findHospitalMentions(text: string, data?: { hospitals: readonly HospitalRecord[] }): HospitalMention[] {
  return getHospitalIndex(data).findHospitalMentions(text);
}

// ---------------------------------------------------------------------------------------------
// Insurer names

/** An insurer named in text: always the concern, and the label when a label was named. */
export interface InsurerMatch {
  concern: InsurerConcernRecord;
  label: InsurerLabelRecord | null;
  score: number;
}

// Label names that are ordinary words or too short to trust inside a sentence ("just", "nn").
// ("IZA" is also the Integraal Zorgakkoord.)
const WEAK_INSURER_KEYS = new Set(['just', 'nn', 'zk', 'pno', 'iza']);
const INSURER_CUES = new Set(['bij', 'van', 'via', 'with', 'at', 'is', 'heb', 'ben', 'verzekeraar', 'zorgverzekeraar', 'insurer', 'insured']);

/** Name index over insurer labels and concerns ("interpolis" → Achmea / Interpolis). */
export class InsurerIndex {
  private readonly exact = new Map<string, { concern: InsurerConcernRecord; label: InsurerLabelRecord | null }>();
  private readonly maxWords: number;
  private readonly fuse: Fuse<string>;

  constructor(readonly concerns: readonly InsurerConcernRecord[]) {
    for (const concern of concerns) {
      for (const label of concern.labels) {
        for (const name of [label.name, ...label.aliases]) this.exact.set(toMatchKey(name), { concern, label });
      }
    }
    // A concern's own name ("Achmea") routes to the concern when no label has that name.
    for (const concern of concerns) {
      const key = toMatchKey(concern.name);
      if (!this.exact.has(key)) this.exact.set(key, { concern, label: null });
    }
    this.maxWords = Math.max(...[...this.exact.keys()].map((k) => k.split(' ').length));
    this.fuse = new Fuse([...this.exact.keys()], { includeScore: true, threshold: 0.3, ignoreLocation: true, minMatchCharLength: 3 });
  }

  /** Resolves "Interpolis", "univé", "ik zit bij zilveren kruis" to concern and label; null when unsure. */
  resolveInsurer(text: string): InsurerMatch | null {
    const key = toMatchKey(text);
    if (key === '') return null;
    const whole = this.exact.get(stripLeading(key.split(' ')).join(' '));
    if (whole) return { ...whole, score: 1 };

    const words = tokenize(text);
    const found = new Map<string, InsurerMatch>();
    for (let i = 0; i < words.length; i++) {
      for (let len = Math.min(this.maxWords, words.length - i); len >= 1; len--) {
        const k = joinWords(words, i, len);
        const hit = this.exact.get(k);
        const cue = i > 0 && INSURER_CUES.has(words[i - 1]!.word);
        if (hit && (!WEAK_INSURER_KEYS.has(k) || cue)) {
          found.set(hit.label?.id ?? hit.concern.id, { ...hit, score: 1 });
          i += len - 1;
          break;
        }
      }
    }
    if (found.size === 1) return [...found.values()][0]!;
    if (found.size > 1) return null;

    const limit = allowedEdits(key.length);
    if (limit === 0) return null;
    let best: { k: string; d: number } | null = null;
    for (const candidate of this.fuse.search(key, { limit: 10 })) {
      const d = distance(key, candidate.item);
      if (d <= limit && d <= allowedEdits(candidate.item.length) && (!best || d < best.d)) best = { k: candidate.item, d };
    }
    if (!best) return null;
    const hit = this.exact.get(best.k)!;
    return { ...hit, score: 1 - best.d / Math.max(key.length, best.k.length) };
  }
}

const insurerIndexes = new WeakMap<readonly InsurerConcernRecord[], InsurerIndex>();

/** The (cached) insurer name index. */
export function getInsurerIndex(data: { insurers: readonly InsurerConcernRecord[] } = loadReferenceData()): InsurerIndex {
  let index = insurerIndexes.get(data.insurers);
  if (!index) {
    index = new InsurerIndex(data.insurers);
    insurerIndexes.set(data.insurers, index);
  }
  return index;
}

/** Resolves an insurer name against the shipped reference data (see InsurerIndex.resolveInsurer). */
export function resolveInsurer(text: string, data?: { insurers: readonly InsurerConcernRecord[] }): InsurerMatch | null {
  return getInsurerIndex(data).resolveInsurer(text);
}

/** The verified mediation route for a match: the label's own desk, else the concern's, else null. */
export function mediationContactFor(match: InsurerMatch): MediationContact | null {
  return match.label?.mediationContact ?? match.concern.mediationContact ?? null;
}
