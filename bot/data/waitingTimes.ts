import type { WaitingTimeFigure } from '../domain/alternatives.ts';
import type { CareType } from '../domain/reference.ts';
import type { Db } from './db.ts';
import { loadProviders } from './providers.ts';
import { loadReferenceData, type HospitalRecord } from './referenceData.ts';

const careTypes = new Set<CareType>(['outpatient', 'diagnostics', 'day_treatment', 'clinical', 'treatment']);

/**
 * The current waiting-time figures: per location, specialism and care type the latest
 * measurement wins (history stays in the table). Several treatments of one specialism measured
 * on the same day are summarised by their median. Cached briefly, because every instance reads
 * them on every answer and imports are rare. Real figures and demo figures never mix: where a
 * location has real figures for a specialism, its demo figures for that specialism are not used.
 * The providers (reference hospitals plus those imports created) are loaded with the figures,
 * because only an import changes either.
 */
export class WaitingTimeRepository {
  private cache: { checkedAt: number; version: string; figures: WaitingTimeFigure[]; hospitals: HospitalRecord[] } | null = null;
  private refreshing: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly ttlMs = 60_000,
    private readonly reference: { hospitals: readonly HospitalRecord[] } = loadReferenceData(),
  ) {}

  /** The providers as last loaded: reference hospitals with learnt AGB codes, then imported providers. */
  async currentHospitals(): Promise<HospitalRecord[]> {
    await this.currentFigures();
    return this.cache!.hospitals;
  }

  /** The last loaded providers without waiting (reference hospitals before the first load). */
  loadedHospitals(): readonly HospitalRecord[] {
    return this.cache?.hospitals ?? this.reference.hospitals;
  }

  invalidate(): void {
    this.cache = null;
  }

  /**
   * The figures as last loaded. After the TTL a cheap version check (row count and newest import)
   * runs in the background; only a changed table is loaded again, so no turn waits for a reload.
   */
  async currentFigures(): Promise<WaitingTimeFigure[]> {
    if (!this.cache) {
      await this.reload();
      return this.cache!.figures;
    }
    if (Date.now() - this.cache.checkedAt >= this.ttlMs && !this.refreshing) {
      this.refreshing = this.refreshIfChanged().finally(() => (this.refreshing = null));
      if (this.ttlMs === 0) await this.refreshing;
    }
    return this.cache.figures;
  }

  private async version(): Promise<string> {
    const agg = await this.db.waitingTime.aggregate({ _count: { _all: true }, _max: { importedAt: true } });
    return `${agg._count._all}|${agg._max.importedAt?.getTime() ?? 0}`;
  }

  private async refreshIfChanged(): Promise<void> {
    const version = await this.version();
    if (this.cache && version === this.cache.version) {
      this.cache.checkedAt = Date.now();
      return;
    }
    await this.reload(version);
  }

  private async reload(knownVersion?: string): Promise<void> {
    const version = knownVersion ?? (await this.version());
    const rows = await this.db.waitingTime.findMany({
      select: { locationId: true, specialismCode: true, careType: true, days: true, insufficient: true, measuredAt: true, source: true, isDemo: true },
      orderBy: { measuredAt: 'desc' },
    });
    const withRealFigures = new Set<string>();
    for (const row of rows) if (!row.isDemo) withRealFigures.add(`${row.locationId}|${row.specialismCode}`);
    const latest = new Map<string, typeof rows>();
    for (const row of rows) {
      if (row.isDemo && withRealFigures.has(`${row.locationId}|${row.specialismCode}`)) continue;
      const key = `${row.locationId}|${row.specialismCode}|${row.careType}`;
      const group = latest.get(key);
      if (!group) latest.set(key, [row]);
      else if (group[0]!.measuredAt.getTime() === row.measuredAt.getTime()) group.push(row);
    }
    const figures: WaitingTimeFigure[] = [];
    for (const group of latest.values()) {
      const first = group[0]!;
      if (!careTypes.has(first.careType as CareType)) continue;
      const known = group.filter((r) => !r.insufficient && r.days !== null).map((r) => r.days as number).sort((a, b) => a - b);
      const median = known.length ? known[Math.floor((known.length - 1) / 2)]! : null;
      figures.push({
        locationId: first.locationId,
        specialismCode: first.specialismCode,
        careType: first.careType as CareType,
        days: median,
        insufficient: median === null,
        measuredAt: first.measuredAt.toISOString().slice(0, 10),
        source: first.source,
        isDemo: group.every((r) => r.isDemo),
      });
    }
    const hospitals = await loadProviders(this.db, this.reference);
    this.cache = { checkedAt: Date.now(), version, figures, hospitals };
  }
}
