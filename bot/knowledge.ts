import type { Locale } from './i18n/index.ts';
import type { AlternativesResult, HospitalWaitingTimes, InsurerChoice, KnowledgePort, NearbyLocation, NormVerdict, RightsStatementView } from './conversation/ports.ts';
import { buildAlternativesIndex, type WaitingTimeFigure } from './domain/alternatives.ts';
import { haversineKm, lookupPc4, roundKm } from './domain/geo.ts';
import type { CareType } from './domain/reference.ts';
import { statementsFor } from './domain/rights.ts';
import { toMatchKey } from './domain/text.ts';
import { measuredAs, verdict, verdictForWeeks } from './domain/treeknorm.ts';
import { mediationContactFor, resolveHospital, resolveInsurer, type HospitalRecord, type LoadedReferenceData } from './data/referenceData.ts';
import type { TenantRepository } from './data/tenants.ts';
import type { WaitingTimeRepository } from './data/waitingTimes.ts';

/** Weeks shown to people: rounded up, so a wait never looks shorter than it is. */
const weeksOf = (days: number | null) => (days === null ? null : Math.ceil(days / 7));

/** One location's figures for one specialism, as the public API and the conversation show them. */
export interface LocationFigures {
  hospital: string;
  hospitalId: string;
  location: string;
  locationId: string;
  city: string;
  distanceKm: number | null;
  outpatientWeeks: number | null;
  treatmentWeeks: number | null;
  outpatientVerdict: NormVerdict['verdict'] | null;
  treatmentVerdict: NormVerdict['verdict'] | null;
  measuredAt: string | null;
  source: string | null;
  isDemo: boolean;
}

export type PostcodeLookup = { status: 'found'; latitude: number; longitude: number } | { status: 'unknown' | 'invalid' };

/**
 * What the assistant knows, over the shipped reference data and the current waiting times:
 * the conversation's KnowledgePort and the public waiting-times API share it.
 */
export class KnowledgeService implements KnowledgePort {
  private readonly hospitalsByName = new Map<string, HospitalRecord>();
  private readonly specialtyNames = new Map<string, string>();
  /** Town → the PC4 of a hospital location there: the towns patients name have a hospital, and its area is a fair origin. */
  private readonly towns = new Map<string, { postcode: string; label: string }>();

  constructor(
    private readonly ref: LoadedReferenceData,
    private readonly waitingTimes: WaitingTimeRepository,
    private readonly tenants: TenantRepository,
  ) {
    for (const h of ref.hospitals) this.hospitalsByName.set(h.officialName, h);
    for (const s of ref.specialisms) {
      this.specialtyNames.set(toMatchKey(s.nameNl), s.code);
      this.specialtyNames.set(toMatchKey(s.nameEn), s.code);
    }
    for (const term of ref.treatments) for (const word of [...term.terms.nl, ...term.terms.en]) this.specialtyNames.set(toMatchKey(word), term.specialty);
    for (const h of ref.hospitals) for (const l of h.locations) if (l.pc4 && !this.towns.has(toMatchKey(l.city))) this.towns.set(toMatchKey(l.city), { postcode: l.pc4, label: l.city });
  }

  locate(place: string): { postcode: string; label: string } | null {
    const key = toMatchKey(place.replace(/^(de|het|the)\s+/i, ''));
    return this.towns.get(key) ?? null;
  }

  distancesTo(hospitalName: string, postcode: string): { location: string; city: string; distanceKm: number }[] | null {
    const hospital = this.hospitalsByName.get(hospitalName) ?? this.hospitalByName(hospitalName);
    const origin = this.postcode(postcode);
    if (!hospital || origin.status !== 'found') return null;
    return hospital.locations
      .map((l) => ({ location: l.name, city: l.city, distanceKm: roundKm(haversineKm(origin, l)) }))
      .sort((a, b) => a.distanceKm - b.distanceKm);
  }

  async nearest(specialty: string, postcode: string): Promise<NearbyLocation | null> {
    const origin = this.postcode(postcode);
    if (origin.status !== 'found') return null;
    // The whole country: the Netherlands is about 300 km across, so nothing is left out.
    const found = (await this.near(specialty, origin, 400)).find((l) => l.outpatientWeeks !== null || l.treatmentWeeks !== null);
    if (!found) return null;
    return {
      hospital: found.hospital, location: found.location, city: found.city, distanceKm: found.distanceKm ?? 0,
      outpatientWeeks: found.outpatientWeeks, treatmentWeeks: found.treatmentWeeks, measuredAt: found.measuredAt, source: found.source, isDemo: found.isDemo,
    };
  }

  isSpecialism(code: string): boolean {
    return this.ref.specialisms.some((s) => s.code === code);
  }

  specialismName(code: string, locale: Locale): string | null {
    const s = this.ref.specialisms.find((x) => x.code === code);
    return s ? (locale === 'en' ? s.nameEn : s.nameNl) : null;
  }

  resolveSpecialty(text: string, _locale: Locale): string | null {
    return this.specialtyNames.get(toMatchKey(text)) ?? null;
  }

  resolveHospital(text: string): string | null {
    return resolveHospital(text, this.ref)?.hospital.officialName ?? null;
  }

  hospitalByName(text: string): HospitalRecord | null {
    const match = resolveHospital(text, this.ref);
    return match ? match.hospital : null;
  }

  postcode(postcode: string): PostcodeLookup {
    const found = lookupPc4(this.ref.pc4, postcode);
    if (found.status === 'found') return { status: 'found', latitude: found.point.latitude, longitude: found.point.longitude };
    return { status: found.status };
  }

  knownPostcode(postcode: string): boolean {
    return this.postcode(postcode).status === 'found';
  }

  norm(careType: CareType, weeks: number): NormVerdict {
    const v = verdictForWeeks(careType, weeks);
    return { normWeeks: v.normWeeks.max, verdict: v.verdict };
  }

  // Indexed once per loaded set of figures: a turn looks up one specialism, not all rows.
  private readonly bySpecialty = new WeakMap<readonly WaitingTimeFigure[], Map<string, Map<string, { outpatient?: WaitingTimeFigure; treatment?: WaitingTimeFigure }>>>();

  /** Every location's figures for a specialism (latest measurement per kind of wait). */
  async figuresFor(specialty: string): Promise<Map<string, { outpatient?: WaitingTimeFigure; treatment?: WaitingTimeFigure }>> {
    const figures = await this.waitingTimes.currentFigures();
    let index = this.bySpecialty.get(figures);
    if (!index) {
      index = new Map();
      for (const f of figures) {
        const kind = measuredAs(f.careType);
        if (kind === 'diagnostics') continue;
        let byLocation = index.get(f.specialismCode);
        if (!byLocation) index.set(f.specialismCode, (byLocation = new Map()));
        const entry = byLocation.get(f.locationId) ?? {};
        entry[kind] = f;
        byLocation.set(f.locationId, entry);
      }
      this.bySpecialty.set(figures, index);
    }
    return index.get(specialty) ?? new Map();
  }

  private locationFigures(hospital: HospitalRecord, location: HospitalRecord['locations'][number], figures: { outpatient?: WaitingTimeFigure; treatment?: WaitingTimeFigure }, distanceKm: number | null): LocationFigures {
    const outpatientWeeks = figures.outpatient && !figures.outpatient.insufficient ? weeksOf(figures.outpatient.days) : null;
    const treatmentWeeks = figures.treatment && !figures.treatment.insufficient ? weeksOf(figures.treatment.days) : null;
    const dated = [figures.outpatient, figures.treatment].filter((f): f is WaitingTimeFigure => Boolean(f));
    const newest = dated.sort((a, b) => b.measuredAt.localeCompare(a.measuredAt))[0];
    return {
      hospital: hospital.officialName,
      hospitalId: hospital.id,
      location: location.name,
      locationId: location.id,
      city: location.city,
      distanceKm,
      outpatientWeeks,
      treatmentWeeks,
      outpatientVerdict: figures.outpatient?.days != null && !figures.outpatient.insufficient ? verdict('outpatient', figures.outpatient.days).verdict : null,
      treatmentVerdict: figures.treatment?.days != null && !figures.treatment.insufficient ? verdict(figures.treatment.careType, figures.treatment.days).verdict : null,
      measuredAt: newest?.measuredAt ?? null,
      source: newest?.source ?? null,
      isDemo: dated.length > 0 && dated.every((f) => f.isDemo),
    };
  }

  /** Locations that offer a specialism within a radius of a point, nearest first. */
  async near(specialty: string, origin: { latitude: number; longitude: number }, radiusKm: number): Promise<LocationFigures[]> {
    const figures = await this.figuresFor(specialty);
    const out: LocationFigures[] = [];
    for (const hospital of this.ref.hospitals) {
      for (const location of hospital.locations) {
        const f = figures.get(location.id);
        if (!f) continue;
        const km = haversineKm(origin, location);
        if (km <= radiusKm) out.push(this.locationFigures(hospital, location, f, roundKm(km)));
      }
    }
    return out.sort((a, b) => (a.distanceKm ?? 0) - (b.distanceKm ?? 0) || a.hospital.localeCompare(b.hospital));
  }

  /** A hospital's locations with their figures for a specialism (locations without figures included). */
  async atHospital(hospital: HospitalRecord, specialty: string): Promise<LocationFigures[]> {
    const figures = await this.figuresFor(specialty);
    return hospital.locations.map((l) => this.locationFigures(hospital, l, figures.get(l.id) ?? {}, null));
  }

  async waitingTimesAt(hospitalName: string, specialty: string): Promise<HospitalWaitingTimes | null> {
    const hospital = this.hospitalsByName.get(hospitalName) ?? this.hospitalByName(hospitalName);
    if (!hospital) return null;
    const rows = (await this.atHospital(hospital, specialty)).filter((r) => r.outpatientWeeks !== null || r.treatmentWeeks !== null);
    const newest = rows.map((r) => r.measuredAt).filter((d): d is string => Boolean(d)).sort().at(-1) ?? null;
    const toVerdict = (weeks: number | null, v: NormVerdict['verdict'] | null, careType: CareType): NormVerdict | null =>
      weeks === null || v === null ? null : { verdict: v, normWeeks: verdictForWeeks(careType, weeks).normWeeks.max };
    return {
      hospital: hospital.officialName,
      specialty,
      locations: rows.map((r) => ({
        location: r.location,
        city: r.city,
        outpatientWeeks: r.outpatientWeeks,
        treatmentWeeks: r.treatmentWeeks,
        outpatient: toVerdict(r.outpatientWeeks, r.outpatientVerdict, 'outpatient'),
        treatment: toVerdict(r.treatmentWeeks, r.treatmentVerdict, 'treatment'),
      })),
      measuredAt: newest,
      source: rows.find((r) => r.measuredAt === newest)?.source ?? null,
      isDemo: rows.length > 0 && rows.every((r) => r.isDemo),
    };
  }

  async alternatives(input: { specialty: string; careType: CareType | null; postcode: string; maxKm: number; currentWeeks: number | null; excludeHospital?: string | null }): Promise<AlternativesResult> {
    const origin = this.postcode(input.postcode);
    if (origin.status !== 'found') return { status: 'unknown_postcode' };
    const figures = await this.waitingTimes.currentFigures();
    if (figures.length === 0) return { status: 'no_data' };
    const careType = input.careType ?? 'treatment';
    const exclude = input.excludeHospital ? this.hospitalsByName.get(input.excludeHospital)?.id : undefined;
    const ranked = buildAlternativesIndex(this.ref.hospitals, figures).rank({
      specialism: input.specialty,
      careType,
      origin,
      maxKm: input.maxKm,
      currentWaitWeeks: input.currentWeeks,
      ...(exclude ? { excludeHospitalIds: [exclude] } : {}),
    });
    return {
      status: 'ok',
      careType,
      results: ranked
        .filter((r) => r.waitWeeks !== null && (input.currentWeeks === null || r.waitWeeks < input.currentWeeks))
        .map((r) => ({
          hospital: r.hospitalName,
          location: r.locationName,
          city: r.city,
          distanceKm: r.distanceKm,
          waitWeeks: r.waitWeeks!,
          weeksSaved: r.weeksSaved,
          exceedsNorm: r.exceedsNorm === true,
          measuredAt: r.measuredAt,
          source: r.source,
          isDemo: r.isDemo,
        })),
    };
  }

  rightsOn(date: Date): RightsStatementView[] {
    return statementsFor(date).map((s) => ({ id: s.id, sourceUrl: s.sourceUrl, sourceTitle: s.sourceTitle }));
  }

  async insurerTenants(): Promise<InsurerChoice[]> {
    return (await this.tenants.list()).filter((t) => t.kind === 'insurer').map((t) => ({ tenantId: t.id, name: t.displayName, contact: null }));
  }

  /** A tenant insurer by name, or any Dutch insurer or label from the reference data (routed when its concern is a tenant). */
  async resolveInsurer(text: string): Promise<InsurerChoice | null> {
    const all = await this.tenants.list();
    const key = toMatchKey(text);
    const tenant = all.find((t) => t.kind === 'insurer' && (toMatchKey(t.displayName) === key || t.id === text.trim().toLowerCase()));
    if (tenant) return { tenantId: tenant.id, name: tenant.displayName, contact: null };
    const match = resolveInsurer(text, this.ref);
    if (!match) return null;
    const routed = all.find((t) => t.kind === 'insurer' && t.insurerConcern === match.concern.id);
    const contact = mediationContactFor(match);
    return { tenantId: routed?.id ?? null, name: match.label?.name ?? match.concern.name, contact: contact ? { phone: contact.phone, url: contact.url } : null };
  }
}
