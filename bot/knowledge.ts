import type { Locale } from './i18n/index.ts';
import type { AlternativesInput, AlternativesResult, HospitalWaitingTimes, InsurerChoice, KnowledgePort, NearbyLocation, NormVerdict, RightsStatementView } from './conversation/ports.ts';
import { buildAlternativesIndex, type WaitingTimeFigure } from './domain/alternatives.ts';
import { haversineKm, lookupPc4, roundKm } from './domain/geo.ts';
import type { CareType } from './domain/reference.ts';
import { statementsFor } from './domain/rights.ts';
import { toMatchKey } from './domain/text.ts';
import { measuredAs, verdict, verdictForWeeks } from './domain/treeknorm.ts';
import { getHospitalIndex, mediationContactFor, resolveInsurer, type HospitalRecord, type LoadedReferenceData } from './data/referenceData.ts';
import type { ContractStore } from './data/contracts.ts';
import { contractStatus, type Contract } from './domain/contracts.ts';
import { freshnessOf, worstFreshness, type Freshness } from './domain/freshness.ts';
import { dutchCalendarDate } from './domain/validity.ts';
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
  /** "aging": older than six weeks (shown with its date); "outdated": older than six months, so no figure is given. */
  freshness: Freshness;
  /** Whether the given insurer contracts this provider for the specialism; null when unknown or no insurer given. */
  contracted: boolean | null;
}

export type PostcodeLookup = { status: 'found'; latitude: number; longitude: number } | { status: 'unknown' | 'invalid' };

/**
 * What the assistant knows, over the shipped reference data and the current waiting times:
 * the conversation's KnowledgePort and the public waiting-times API share it.
 */
export class KnowledgeService implements KnowledgePort {
  private readonly specialtyNames = new Map<string, string>();
  /** Town → the PC4 of a hospital location there: the towns patients name have a hospital, and its area is a fair origin. */
  private readonly towns = new Map<string, { postcode: string; label: string }>();

  constructor(
    private readonly ref: LoadedReferenceData,
    private readonly waitingTimes: WaitingTimeRepository,
    private readonly tenants: TenantRepository,
    private readonly contracts: ContractStore | null = null,
    private readonly now: () => Date = () => new Date(),
  ) {
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
    const hospital = this.hospitalByName(hospitalName);
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

  /** Reference hospitals and the providers imports created, as last loaded (names resolve synchronously). */
  private providers(): readonly HospitalRecord[] {
    return this.waitingTimes.loadedHospitals();
  }

  resolveHospital(text: string): string | null {
    return this.hospitalByName(text)?.officialName ?? null;
  }

  hospitalByName(text: string): HospitalRecord | null {
    const hospitals = this.providers();
    const exact = hospitals.find((h) => h.officialName === text);
    if (exact) return exact;
    return getHospitalIndex({ hospitals }).resolveHospital(text)?.hospital ?? null;
  }

  /** Loads the providers if they are not loaded yet (the first turn after start-up). */
  async ready(): Promise<void> {
    await this.waitingTimes.currentHospitals();
  }

  private today(): string {
    return dutchCalendarDate(this.now());
  }

  /** The insurer's current contracts, or null without an insurer (or without contract data). */
  async contractsOf(insurerTenantId: string | null | undefined): Promise<Contract[] | null> {
    if (!insurerTenantId || !this.contracts) return null;
    const list = await this.contracts.current(insurerTenantId);
    return list.length > 0 ? list : null;
  }

  /** Whether the insurer contracts this hospital for the specialism today (null: unknown). */
  contractedWith(contracts: readonly Contract[] | null, hospital: HospitalRecord | undefined, specialism: string): boolean | null {
    if (!contracts || !hospital) return null;
    return contractStatus(contracts, hospital, specialism, this.today());
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

  private locationFigures(hospital: HospitalRecord, location: HospitalRecord['locations'][number], all: { outpatient?: WaitingTimeFigure; treatment?: WaitingTimeFigure }, distanceKm: number | null, contracted: boolean | null = null): LocationFigures {
    // A real figure older than six months is not a current figure: its date is kept, its number is not shown.
    const today = this.today();
    const ageOf = (f: WaitingTimeFigure | undefined): Freshness => (!f || f.isDemo ? 'current' : freshnessOf(f.measuredAt, today));
    const present = [all.outpatient, all.treatment].filter((f): f is WaitingTimeFigure => Boolean(f));
    const kept = present.filter((f) => ageOf(f) !== 'outdated');
    const freshness: Freshness = present.length === 0 ? 'current' : kept.length === 0 ? 'outdated' : worstFreshness(kept.map(ageOf));
    const figures = {
      ...(all.outpatient && ageOf(all.outpatient) !== 'outdated' ? { outpatient: all.outpatient } : {}),
      ...(all.treatment && ageOf(all.treatment) !== 'outdated' ? { treatment: all.treatment } : {}),
    };
    const outpatientWeeks = figures.outpatient && !figures.outpatient.insufficient ? weeksOf(figures.outpatient.days) : null;
    const treatmentWeeks = figures.treatment && !figures.treatment.insufficient ? weeksOf(figures.treatment.days) : null;
    const shown = [figures.outpatient, figures.treatment].filter((f): f is WaitingTimeFigure => Boolean(f));
    const dated = shown.length > 0 ? shown : [all.outpatient, all.treatment].filter((f): f is WaitingTimeFigure => Boolean(f));
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
      freshness,
      contracted,
    };
  }

  /** Locations that offer a specialism within a radius of a point, nearest first. */
  async near(specialty: string, origin: { latitude: number; longitude: number }, radiusKm: number, insurerTenantId: string | null = null): Promise<LocationFigures[]> {
    const figures = await this.figuresFor(specialty);
    const contracts = await this.contractsOf(insurerTenantId);
    const out: LocationFigures[] = [];
    for (const hospital of await this.waitingTimes.currentHospitals()) {
      for (const location of hospital.locations) {
        const f = figures.get(location.id);
        if (!f) continue;
        const km = haversineKm(origin, location);
        if (km <= radiusKm) out.push(this.locationFigures(hospital, location, f, roundKm(km), this.contractedWith(contracts, hospital, specialty)));
      }
    }
    return out.sort((a, b) => (a.distanceKm ?? 0) - (b.distanceKm ?? 0) || a.hospital.localeCompare(b.hospital));
  }

  /** A hospital's locations with their figures for a specialism (locations without figures included). */
  async atHospital(hospital: HospitalRecord, specialty: string, insurerTenantId: string | null = null): Promise<LocationFigures[]> {
    const figures = await this.figuresFor(specialty);
    const contracted = this.contractedWith(await this.contractsOf(insurerTenantId), hospital, specialty);
    return hospital.locations.map((l) => this.locationFigures(hospital, l, figures.get(l.id) ?? {}, null, contracted));
  }

  async waitingTimesAt(hospitalName: string, specialty: string): Promise<HospitalWaitingTimes | null> {
    await this.ready();
    const hospital = this.hospitalByName(hospitalName);
    if (!hospital) return null;
    const all = await this.atHospital(hospital, specialty);
    const rows = all.filter((r) => r.outpatientWeeks !== null || r.treatmentWeeks !== null);
    const outdated = all.filter((r) => r.freshness === 'outdated' && r.measuredAt).map((r) => r.measuredAt!).sort();
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
      freshness: worstFreshness(rows.map((r) => r.freshness)),
      oldestMeasuredAt: rows.map((r) => r.measuredAt).filter((d): d is string => Boolean(d)).sort()[0] ?? null,
      outdatedSince: rows.length === 0 ? (outdated.at(-1) ?? null) : null,
    };
  }

  async alternatives(input: AlternativesInput): Promise<AlternativesResult> {
    const origin = this.postcode(input.postcode);
    if (origin.status !== 'found') return { status: 'unknown_postcode' };
    const figures = await this.waitingTimes.currentFigures();
    if (figures.length === 0) return { status: 'no_data' };
    const hospitals = await this.waitingTimes.currentHospitals();
    const careType = input.careType ?? 'treatment';
    const exclude = input.excludeHospital ? this.hospitalByName(input.excludeHospital)?.id : undefined;
    const contracts = await this.contractsOf(input.insurerTenantId);
    const byId = new Map(hospitals.map((h) => [h.id, h]));
    const today = this.today();
    const ranked = buildAlternativesIndex(hospitals, figures).rank({
      specialism: input.specialty,
      careType,
      origin,
      maxKm: input.maxKm,
      currentWaitWeeks: input.currentWeeks,
      ...(exclude ? { excludeHospitalIds: [exclude] } : {}),
    });
    const results = ranked
      // Older than six months is not a current figure, so it is no alternative either.
      .filter((r) => r.waitWeeks !== null && (input.currentWeeks === null || r.waitWeeks < input.currentWeeks))
      .map((r) => ({ r, freshness: r.isDemo ? ('current' as const) : freshnessOf(r.measuredAt, today), contracted: this.contractedWith(contracts, byId.get(r.hospitalId), input.specialty) }))
      .filter((x) => x.freshness !== 'outdated' && (!input.contractedOnly || x.contracted === true));
    return {
      status: 'ok',
      careType,
      contractsKnown: contracts !== null,
      results: results.map(({ r, freshness, contracted }) => ({
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
          freshness,
          contracted,
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
