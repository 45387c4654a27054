/**
 * Where could a patient be seen sooner? Ranks the hospital locations that offer a specialism
 * within a radius of the patient's PC4 centre: shortest wait first, then nearest. Indexes are
 * built once per data set (per specialism and kind of wait), so a query only scans the
 * locations of one specialism.
 */
import type { CareType, Hospital } from './reference.ts';
import { haversineKm, roundKm, type LatLon } from './geo.ts';
import { measuredAs, verdict, type Verdict } from './treeknorm.ts';

/** One waiting-time figure for a location, specialism and care type (NZa, a hospital's own figures, or demo). */
export interface WaitingTimeFigure {
  locationId: string;
  specialismCode: string;
  careType: CareType;
  /** Median wait in days; null when there is no figure (always null when insufficient). */
  days: number | null;
  /** Too few observations to publish a figure (NZa "InsufficientObservations: Ja"). */
  insufficient: boolean;
  /** Date of measurement, YYYY-MM-DD. */
  measuredAt: string;
  source: string;
  isDemo: boolean;
}

/** A question: which locations offer this specialism within maxKm, and how long do they make you wait? */
export interface AlternativesQuery {
  specialism: string;
  /** The wait the patient is in; defaults to the first outpatient visit. */
  careType?: CareType;
  /** The patient's PC4 centre. */
  origin: LatLon;
  maxKm: number;
  /** The wait the patient has been given, to compute weeks saved. */
  currentWaitWeeks?: number | null;
  /** Leave out these hospitals (usually the one the patient waits at). */
  excludeHospitalIds?: readonly string[];
  limit?: number;
}

/** The figure of one kind of wait at a location, as shown next to the ranked one. */
export interface FigureSummary {
  careType: CareType;
  days: number | null;
  insufficient: boolean;
}

/** A ranked alternative. */
export interface Alternative {
  hospitalId: string;
  hospitalName: string;
  locationId: string;
  locationName: string;
  city: string;
  /** Straight-line distance from the PC4 centre, one decimal. */
  distanceKm: number;
  careType: CareType;
  /** Null when there is no figure; insufficient rows never show a number. */
  waitDays: number | null;
  /** Whole weeks, rounded up so a wait is never shown shorter than it is. */
  waitWeeks: number | null;
  insufficient: boolean;
  /** Whole weeks sooner than the patient's current wait (rounded down); null without both figures. */
  weeksSaved: number | null;
  measuredAt: string;
  source: string;
  isDemo: boolean;
  /** True/false against the Treeknorm; null without a figure or when it depends (6 or 7 weeks). */
  exceedsNorm: boolean | null;
  normVerdict: Verdict | null;
  /** All kinds of wait known for this location and specialism (for "outpatient 5 wk, treatment 11 wk" displays). */
  figures: FigureSummary[];
}

interface LocationEntry {
  hospitalId: string;
  hospitalName: string;
  locationId: string;
  locationName: string;
  city: string;
  latitude: number;
  longitude: number;
  rows: WaitingTimeFigure[];
  figures: FigureSummary[];
}

type Bucket = ReturnType<typeof measuredAs>;

const KM_PER_DEGREE_LAT = 111.2;

/** Precomputed per-specialism indexes over hospitals and waiting-time figures. */
export class AlternativesIndex {
  private readonly buckets = new Map<string, LocationEntry[]>();
  /** Figures that name a location we do not know; callers can report them. */
  readonly unknownLocationIds: string[] = [];

  constructor(hospitals: readonly Hospital[], figures: readonly WaitingTimeFigure[]) {
    const locations = new Map<string, { hospital: Hospital; location: Hospital['locations'][number] }>();
    for (const hospital of hospitals) for (const location of hospital.locations) locations.set(location.id, { hospital, location });

    const entries = new Map<string, LocationEntry>();
    const summaries = new Map<string, FigureSummary[]>();
    const unknown = new Set<string>();
    for (const row of figures) {
      const known = locations.get(row.locationId);
      if (!known) {
        unknown.add(row.locationId);
        continue;
      }
      const bucketKey = `${row.specialismCode}|${measuredAs(row.careType)}`;
      const entryKey = `${bucketKey}|${row.locationId}`;
      let entry = entries.get(entryKey);
      if (!entry) {
        const summaryKey = `${row.specialismCode}|${row.locationId}`;
        let figuresOfLocation = summaries.get(summaryKey);
        if (!figuresOfLocation) {
          figuresOfLocation = [];
          summaries.set(summaryKey, figuresOfLocation);
        }
        entry = {
          hospitalId: known.hospital.id,
          hospitalName: known.hospital.officialName,
          locationId: known.location.id,
          locationName: known.location.name,
          city: known.location.city,
          latitude: known.location.latitude,
          longitude: known.location.longitude,
          rows: [],
          figures: figuresOfLocation,
        };
        entries.set(entryKey, entry);
        const list = this.buckets.get(bucketKey) ?? [];
        list.push(entry);
        this.buckets.set(bucketKey, list);
      }
      entry.rows.push(row);
      entry.figures.push({ careType: row.careType, days: row.insufficient ? null : row.days, insufficient: row.insufficient });
    }
    this.unknownLocationIds.push(...unknown);
  }

  /** Ranks the locations within reach: known waits shortest first (ties: nearest), then locations without a figure, nearest first. */
  rank(query: AlternativesQuery): Alternative[] {
    if (!(query.maxKm > 0)) throw new RangeError(`maxKm must be > 0, got ${query.maxKm}`);
    const careType = query.careType ?? 'outpatient';
    const entries = this.buckets.get(`${query.specialism}|${measuredAs(careType)}`) ?? [];
    const excluded = new Set(query.excludeHospitalIds ?? []);
    const maxLatDelta = query.maxKm / KM_PER_DEGREE_LAT;
    const results: Alternative[] = [];

    for (const entry of entries) {
      if (excluded.has(entry.hospitalId)) continue;
      // Cheap latitude cut before the trigonometry.
      if (Math.abs(entry.latitude - query.origin.latitude) > maxLatDelta) continue;
      const km = haversineKm(query.origin, entry);
      if (km > query.maxKm) continue;
      const row = pickRow(entry.rows, careType);
      if (!row) continue;
      results.push(toAlternative(entry, row, km, careType, query.currentWaitWeeks ?? null));
    }

    results.sort(compareAlternatives);
    return query.limit !== undefined ? results.slice(0, query.limit) : results;
  }
}

// A query for a day treatment should not be answered with a clinical-only figure and vice
// versa; NZa's "treatment" (day or clinical unknown) fits both.
function pickRow(rows: readonly WaitingTimeFigure[], careType: CareType): WaitingTimeFigure | null {
  let fallback: WaitingTimeFigure | null = null;
  for (const row of rows) {
    if (row.careType === careType) return row;
    if (row.careType === 'treatment' || careType === 'treatment') fallback ??= row;
  }
  return fallback;
}

function toAlternative(entry: LocationEntry, row: WaitingTimeFigure, km: number, careType: CareType, currentWaitWeeks: number | null): Alternative {
  const days = row.insufficient ? null : row.days;
  // The patient's own care type is the more specific one when the row is NZa's generic "treatment".
  const normCareType = row.careType === 'treatment' ? careType : row.careType;
  const v = days === null ? null : verdict(normCareType, days).verdict;
  return {
    hospitalId: entry.hospitalId,
    hospitalName: entry.hospitalName,
    locationId: entry.locationId,
    locationName: entry.locationName,
    city: entry.city,
    distanceKm: roundKm(km),
    careType: row.careType,
    waitDays: days,
    waitWeeks: days === null ? null : Math.ceil(days / 7),
    insufficient: row.insufficient,
    weeksSaved: days === null || currentWaitWeeks === null ? null : Math.floor((currentWaitWeeks * 7 - days) / 7),
    measuredAt: row.measuredAt,
    source: row.source,
    isDemo: row.isDemo,
    exceedsNorm: v === null || v === 'depends' ? null : v === 'exceeded',
    normVerdict: v,
    figures: entry.figures,
  };
}

function compareAlternatives(a: Alternative, b: Alternative): number {
  if (a.waitDays === null || b.waitDays === null) {
    if (a.waitDays !== b.waitDays) return a.waitDays === null ? 1 : -1;
  } else if (a.waitDays !== b.waitDays) return a.waitDays - b.waitDays;
  return a.distanceKm - b.distanceKm || a.locationId.localeCompare(b.locationId);
}

const indexes = new WeakMap<readonly WaitingTimeFigure[], WeakMap<readonly Hospital[], AlternativesIndex>>();

/** Builds (or reuses, per pair of arrays) the index for these hospitals and figures. */
export function buildAlternativesIndex(hospitals: readonly Hospital[], figures: readonly WaitingTimeFigure[]): AlternativesIndex {
  let byHospitals = indexes.get(figures);
  if (!byHospitals) {
    byHospitals = new WeakMap();
    indexes.set(figures, byHospitals);
  }
  let index = byHospitals.get(hospitals);
  if (!index) {
    index = new AlternativesIndex(hospitals, figures);
    byHospitals.set(hospitals, index);
  }
  return index;
}

/** Ranks alternatives for a query over an index, or over hospitals and figures (indexed once and reused). */
export function rankAlternatives(
  query: AlternativesQuery,
  data: AlternativesIndex | { hospitals: readonly Hospital[]; figures: readonly WaitingTimeFigure[] },
): Alternative[] {
  const index = data instanceof AlternativesIndex ? data : buildAlternativesIndex(data.hospitals, data.figures);
  return index.rank(query);
}
